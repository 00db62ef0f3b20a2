package io.otklik.platform.tenant;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One business as declared in {@code tenants.yaml}. Secrets are never inline: fields ending in {@code Env} name the
 * environment variable (or config key) that holds the secret; {@link TenantRegistry#secret(String)} resolves them.
 * {@code rules} is routing-service's rules text (grammar in routing-service/README.md), null for its defaults.
 */
@RegisterForReflection(ignoreNested = false)
public record Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                     Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                     Nlu nlu, String rules, List<LocalDate> closedDates, Boolean worksOnHolidays,
                     List<Duty> onDuty, List<Faq> faq, Sandbox sandbox, List<Experiment> experiments) {

    public Tenant {
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
        staff = staff == null ? List.of() : List.copyOf(staff);
        faq = faq == null ? List.of() : List.copyOf(faq);
        services = services == null ? List.of() : List.copyOf(services);
        channels = channels == null ? new Channels(null, null, null, null) : channels;
        hours = hours == null ? new Hours(LocalTime.of(9, 0), LocalTime.of(21, 0), 60) : hours;
        reminders = reminders == null ? new Reminders(null, null, null, null, null, null) : reminders;
        nlu = nlu == null ? new Nlu(null, null, null) : nlu;
        closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
        worksOnHolidays = worksOnHolidays != null && worksOnHolidays;
        onDuty = onDuty == null ? List.of() : List.copyOf(onDuty);
    }

    /** Without a calendar of its own: open on every day of the hours, closed on public holidays, no rota. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                  Nlu nlu, String rules) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, nlu,
                rules, null, null, null, null, null, null);
    }

    /** Without sandbox mode or experiments. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                  Nlu nlu, String rules, List<LocalDate> closedDates, Boolean worksOnHolidays,
                  List<Duty> onDuty, List<Faq> faq) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, nlu,
                rules, closedDates, worksOnHolidays, onDuty, faq, null, null);
    }

    /** Without routing rules: routing-service's default rules apply. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                  Nlu nlu, List<LocalDate> closedDates, Boolean worksOnHolidays, List<Duty> onDuty) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, nlu,
                null, closedDates, worksOnHolidays, onDuty, null, null, null);
    }

    /** Without routing rules or a calendar of its own. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                  Nlu nlu) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, nlu,
                null, null, null, null, null, null, null);
    }

    /** With FAQ entries, without routing rules or a calendar of its own. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms,
                  Nlu nlu, List<Faq> faq) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms, nlu,
                null, null, null, null, faq, null, null);
    }

    /** Without NLU settings: the installation's defaults apply. */
    public Tenant(String id, String name, String timezone, String segment, String apiKeyEnv, Channels channels,
                  Crm crm, Hours hours, List<Staff> staff, List<Service> services, Reminders reminders, Sms sms) {
        this(id, name, timezone, segment, apiKeyEnv, channels, crm, hours, staff, services, reminders, sms,
                (Nlu) null);
    }

    /** Whether the bot only drafts replies for staff approval at this local date (see {@link Sandbox}). */
    public boolean sandboxOn(LocalDate today) {
        return sandbox != null && sandbox.activeOn(today);
    }

    /** The running experiments of a kind ({@code script}, {@code reminders}). */
    public List<Experiment> experiments(String kind) {
        return experiments.stream().filter(e -> kind.equals(e.kind())).toList();
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
     * @param replyTemplate    the approved template used for a reply outside the 24 h window (body parameters: the
     *                         client's name, the reply text); none means the SMS fallback or {@code reply_failed}
     * @param reminderTemplate the approved template reminder-service sends reminders as (body parameters: the
     *                         client's name, "26.11 15:00", the service); none means a reminder outside the window
     *                         takes the reply template, else the SMS fallback
     */
    @RegisterForReflection
    public record WhatsApp(String phoneNumberId, String appSecretEnv, String verifyTokenEnv, String accessTokenEnv,
                           MessageTemplate replyTemplate, MessageTemplate reminderTemplate) {

        /** Without a reminder template. */
        public WhatsApp(String phoneNumberId, String appSecretEnv, String verifyTokenEnv, String accessTokenEnv,
                        MessageTemplate replyTemplate) {
            this(phoneNumberId, appSecretEnv, verifyTokenEnv, accessTokenEnv, replyTemplate, null);
        }
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

    /**
     * The CRM connection: {@code bitrix24} (inbound webhook URL) or {@code amocrm} (OAuth bearer token).
     *
     * @param type                {@code bitrix24} or {@code amocrm}
     * @param webhookUrlEnv       Bitrix24: names the inbound-webhook URL secret
     * @param applicationTokenEnv Bitrix24: names the outbound webhook's application token secret
     * @param sourceId            Bitrix24: SOURCE_ID of messenger leads
     * @param users               our staff id → the CRM's user id (Bitrix24 ASSIGNED_BY_ID, amoCRM responsible_user_id)
     * @param baseUrl             amoCRM: the account's API base, e.g. {@code https://example.amocrm.ru}
     * @param accessTokenEnv      amoCRM: names the long-lived bearer token secret
     * @param pipelineId          amoCRM: the pipeline leads go to
     * @param statuses            our lead status (NEW, IN_PROCESSING, CONFIRMED, WON, LOST, NO_SHOW) → the CRM's
     *                            status id, where the portal's differ from the defaults
     * @param rps                 requests per second the portal allows (paid plans allow more); none = the default
     * @param burst               the bucket's burst; none = the default
     */
    @RegisterForReflection
    public record Crm(String type, String webhookUrlEnv, String applicationTokenEnv, String sourceId,
                      Map<String, String> users, String baseUrl, String accessTokenEnv, Long pipelineId,
                      Map<String, String> statuses, Double rps, Integer burst) {

        public Crm {
            users = users == null ? Map.of() : Map.copyOf(users);
            statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
        }

        /** A Bitrix24 connection without staff mapping or own limits. */
        public Crm(String type, String webhookUrlEnv, String applicationTokenEnv, String sourceId) {
            this(type, webhookUrlEnv, applicationTokenEnv, sourceId, null, null, null, null, null, null, null);
        }
    }

    /**
     * Business hours in the tenant's time zone: {@code open}–{@code close} every day unless a weekday has its own
     * span in {@code days} or is listed in {@code closedOn}.
     *
     * @param slotMinutes the grid bookings start on
     * @param days        per-weekday hours that replace open–close on that weekday
     * @param closedOn    weekdays the business is closed (unless the production calendar makes one a working day)
     * @param breaks      pauses of the whole business every open day (e.g. 13:00–14:00)
     */
    @RegisterForReflection
    public record Hours(LocalTime open, LocalTime close, int slotMinutes, Map<DayOfWeek, Span> days,
                        List<DayOfWeek> closedOn, List<Span> breaks) {

        public Hours {
            days = days == null ? Map.of() : Map.copyOf(days);
            closedOn = closedOn == null ? List.of() : List.copyOf(closedOn);
            breaks = breaks == null ? List.of() : List.copyOf(breaks);
        }

        /** The same hours every day. */
        public Hours(LocalTime open, LocalTime close, int slotMinutes) {
            this(open, close, slotMinutes, null, null, null);
        }
    }

    /** A local time span [from, to) of one day. */
    @RegisterForReflection
    public record Span(LocalTime from, LocalTime to) {
    }

    /**
     * A shift of the on-duty rota: {@code staff} answers from {@code from} to {@code to} local time on the given
     * weekdays (all when empty); {@code to} at or before {@code from} runs past midnight into the next day (an
     * after-hours shift).
     */
    @RegisterForReflection
    public record Duty(String staff, List<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Duty {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /**
     * A person: role owner, on-duty or specialist; skills are service codes.
     *
     * @param telegramChatId where alerts and handoffs reach them
     * @param hours          per-weekday working hours; a weekday without its own span works the business hours
     * @param daysOff        weekly days off
     * @param breaks         pauses every working day (lunch)
     * @param datesOff       dated days off (leave, sick days) in addition to those stored through the admin API
     */
    @RegisterForReflection
    public record Staff(String id, String name, String role, String telegramChatId, List<String> skills,
                        List<String> aliases, Map<DayOfWeek, Span> hours, List<DayOfWeek> daysOff,
                        List<Span> breaks, List<LocalDate> datesOff) {

        public Staff {
            skills = skills == null ? List.of() : List.copyOf(skills);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            hours = hours == null ? Map.of() : Map.copyOf(hours);
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
            breaks = breaks == null ? List.of() : List.copyOf(breaks);
            datesOff = datesOff == null ? List.of() : List.copyOf(datesOff);
        }

        public Staff(String id, String name, String role, String telegramChatId, List<String> skills,
                     List<String> aliases) {
            this(id, name, role, telegramChatId, skills, aliases, null, null, null, null);
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
     * Reminder policy (reminder-service README, "Reminder policy").
     *
     * @param before           ISO-8601 durations before the visit ("PT24H", "PT2H"); default 24 h and 2 h
     * @param noShowAfterHours hours after the start without an attendance mark before a visit counts as missed by
     *                         timeout; none or 0 = the tenant decides no-shows only by a staff mark or the CRM status
     * @param quietFrom        start of the quiet hours in the tenant's zone, when no reminder is sent (default 21:00)
     * @param quietTo          end of the quiet hours (default 09:00); equal to {@code quietFrom} = no quiet hours
     * @param confirmBy        ISO-8601 duration before the visit by which an unconfirmed client is handed to the
     *                         on-duty staff member to call ("PT3H", the default); {@code off} = no follow-up
     * @param note             a line added to every reminder of this tenant (a clinic's "bring your passport and
     *                         insurance policy"); none = nothing added
     */
    @RegisterForReflection
    public record Reminders(List<String> before, Integer noShowAfterHours, LocalTime quietFrom, LocalTime quietTo,
                            String confirmBy, String note) {

        public static final String OFF = "off";

        public Reminders {
            before = before == null ? List.of("PT24H", "PT2H") : List.copyOf(before);
            quietFrom = quietFrom == null ? LocalTime.of(21, 0) : quietFrom;
            quietTo = quietTo == null ? LocalTime.of(9, 0) : quietTo;
            confirmBy = confirmBy == null || confirmBy.isBlank() ? "PT3H" : confirmBy.trim();
            note = note == null || note.isBlank() ? null : note.trim();
        }

        public Reminders(List<String> before, int noShowAfterHours) {
            this(before, noShowAfterHours, null, null, null, null);
        }

        /** Whether a visit without an attendance mark becomes a no-show by itself {@code noShowAfterHours} after it. */
        public boolean noShowByTimeout() {
            return noShowAfterHours != null && noShowAfterHours > 0;
        }

        /** Whether an unconfirmed client is followed up ({@code confirmBy} is not {@code off}). */
        public boolean followUp() {
            return !OFF.equalsIgnoreCase(confirmBy);
        }
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

    /**
     * Sandbox mode (seed 004: "run a week in a sandbox"): the bot drafts each reply and sends the draft to staff for
     * approval instead of to the client; an approved draft is sent.
     *
     * @param enabled  on when true
     * @param until    the last local date of the sandbox (inclusive); the bot answers clients itself from the next
     *                 day; none = until switched off
     * @param approver the staff id who reviews drafts; none = whoever is on duty at the moment (the rota)
     */
    @RegisterForReflection
    public record Sandbox(Boolean enabled, LocalDate until, String approver) {

        public Sandbox {
            enabled = enabled != null && enabled;
        }

        public boolean activeOn(LocalDate today) {
            return enabled && (until == null || !today.isAfter(until));
        }
    }

    /**
     * An A/B experiment: every conversation (or appointment) falls into one variant by a stable hash, weighted.
     *
     * @param id       a stable name, carried on events as the key of {@code variants}
     * @param kind     {@code script} (routing-service's dialog texts, default) or {@code reminders} (reminder timing)
     * @param variants the arms, at least two
     */
    @RegisterForReflection
    public record Experiment(String id, String kind, List<Variant> variants) {

        public Experiment {
            kind = kind == null || kind.isBlank() ? "script" : kind;
            variants = variants == null ? List.of() : List.copyOf(variants);
        }
    }

    /**
     * One arm of an experiment.
     *
     * @param name   short, carried on events ("A", "B")
     * @param weight relative share of conversations (default 1)
     * @param texts  for a script experiment: dialog text name → Qute template replacing that text in this arm
     * @param before for a reminder experiment: ISO-8601 durations before the visit replacing the policy's
     */
    @RegisterForReflection
    public record Variant(String name, Integer weight, Map<String, String> texts, List<String> before) {

        public Variant {
            weight = weight == null ? 1 : weight;
            texts = texts == null ? Map.of() : Map.copyOf(texts);
            before = before == null ? List.of() : List.copyOf(before);
        }
    }
}
