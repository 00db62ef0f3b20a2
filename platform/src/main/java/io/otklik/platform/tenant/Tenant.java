package io.otklik.platform.tenant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One business as declared in {@code tenants.yaml}. Secrets are never inline: fields ending in {@code Env} name the
 * environment variable (or config key) that holds the secret; {@link TenantRegistry#secret(String)} resolves them.
 */
@RegisterForReflection(ignoreNested = false)
public record Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                     Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                     Nlu nlu, List<Faq> faq) {

    public Tenant {
        staff = staff == null ? List.of() : List.copyOf(staff);
        faq = faq == null ? List.of() : List.copyOf(faq);
        services = services == null ? List.of() : List.copyOf(services);
        channels = channels == null ? new Channels(null, null, null, null) : channels;
        hours = hours == null ? new Hours(LocalTime.of(9, 0), LocalTime.of(21, 0), 60) : hours;
        reminders = reminders == null ? new Reminders(List.of("PT24H", "PT2H"), 4) : reminders;
        nlu = nlu == null ? new Nlu(null, null, null) : nlu;
    }

    /** Without FAQ entries. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                  Nlu nlu) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, nlu,
                null);
    }

    /** Without NLU settings: the installation's defaults apply. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, null,
                null);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Optional<Service> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Staff> staffMember(String staffId) {
        return staff.stream().filter(s -> s.id().equals(staffId)).findFirst();
    }

    /** The channels the business answers on; absent ones are null. */
    @RegisterForReflection
    public record Channels(WhatsApp whatsapp, Telegram telegram, Instagram instagram, WebForm webForm) {
    }

    /**
     * WhatsApp Cloud API number: its phone_number_id routes webhooks to the tenant.
     *
     * @param replyTemplate the approved template used for a reply outside the 24 h window (body parameters: the
     *                      client's name, the reply text); none means the SMS fallback or {@code reply_failed}
     */
    @RegisterForReflection
    public record WhatsApp(String phoneNumberId, String appSecretEnv, String verifyTokenEnv, String accessTokenEnv,
                           MessageTemplate replyTemplate) {
    }

    /** An approved WhatsApp message template: its name and language code ("ru"). */
    @RegisterForReflection
    public record MessageTemplate(String name, String language) {
    }

    /**
     * SMS fallback through an HTTP SMS gateway of the SMS.ru API shape ({@code otklik.sms.url}).
     *
     * @param sender    the approved sender name, if any
     * @param apiKeyEnv names the gateway's api_id secret
     */
    @RegisterForReflection
    public record Sms(String sender, String apiKeyEnv) {
    }

    /** A Telegram bot: webhooks arrive at /webhooks/telegram/{botAlias}. */
    @RegisterForReflection
    public record Telegram(String botAlias, String botTokenEnv, String secretTokenEnv) {
    }

    /** An Instagram professional account: entry[].id / recipient.id routes webhooks to the tenant. */
    @RegisterForReflection
    public record Instagram(String accountId, String appSecretEnv, String verifyTokenEnv, String accessTokenEnv) {
    }

    /** The site's lead form: posts to /api/v1/forms/{formId}. */
    @RegisterForReflection
    public record WebForm(String formId, List<String> allowedOrigins) {
    }

    /** The CRM connection: {@code bitrix24} (inbound webhook URL) or {@code amocrm}. */
    @RegisterForReflection
    public record Crm(String type, String webhookUrlEnv, String applicationTokenEnv, String sourceId) {
    }

    /**
     * Business hours, every day, in the tenant's time zone.
     *
     * @param slotMinutes the grid bookings start on
     */
    @RegisterForReflection
    public record Hours(LocalTime open, LocalTime close, int slotMinutes) {
    }

    /**
     * A person: role owner, on-duty or specialist; skills are service codes.
     *
     * @param telegramChatId where alerts and handoffs reach them
     */
    @RegisterForReflection
    public record Staff(String id, String name, String role, String telegramChatId, List<String> skills,
                        List<String> aliases) {

        public Staff {
            skills = skills == null ? List.of() : List.copyOf(skills);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public Staff(String id, String name, String role, String telegramChatId, List<String> skills) {
            this(id, name, role, telegramChatId, skills, null);
        }
    }

    /**
     * An item of the catalogue.
     *
     * @param keywords Russian word stems that name it in a message ("стрижк", "маникюр")
     */
    @RegisterForReflection
    public record Service(String code, String name, int price, int durationMinutes, List<String> keywords) {

        public Service {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * A frequently asked question the bot answers itself (routing-service, intent INFO).
     *
     * @param topic    a short name for people ("address", "parking")
     * @param keywords Russian word stems, lower case; a message containing one of them is about this topic
     * @param answer   the answer, in Russian, as the client reads it
     */
    @RegisterForReflection
    public record Faq(String topic, List<String> keywords, String answer) {

        public Faq {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * Reminder policy.
     *
     * @param before        ISO-8601 durations before the visit ("PT24H", "PT2H")
     * @param noShowAfterHours hours after the start without an attendance mark before a visit counts as missed
     */
    @RegisterForReflection
    public record Reminders(List<String> before, int noShowAfterHours) {
    }

    /**
     * How nlu-service treats this tenant's messages; absent values take the installation's defaults
     * ({@code otklik.nlu.*}).
     *
     * @param fallbackThreshold a message whose top confidence is below this is flagged fallback (0..1)
     * @param minMargin         a message whose top two confidences are closer than this is flagged fallback (0..1)
     * @param llm               an OpenAI-compatible chat-completions backend to ask first; none means the embedded
     *                          model only
     */
    @RegisterForReflection
    public record Nlu(Double fallbackThreshold, Double minMargin, Llm llm) {
    }

    /**
     * An OpenAI-compatible chat-completions endpoint (OpenAI, YandexGPT's compatible API, GigaChat).
     *
     * @param baseUrl       up to and without {@code /chat/completions}, e.g. {@code https://api.openai.com/v1}
     * @param model         the model name sent in the request
     * @param apiKeyEnv     names the variable holding the bearer token
     * @param timeoutMillis how long to wait before answering with the embedded model (default 1500)
     */
    @RegisterForReflection
    public record Llm(String baseUrl, String model, String apiKeyEnv, Integer timeoutMillis) {
    }
}
