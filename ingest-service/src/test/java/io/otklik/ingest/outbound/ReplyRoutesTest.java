package io.otklik.ingest.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;
import io.otklik.platform.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Route choice against the 24 h window, template-safe parameters and the retry backoff: plain logic. */
class ReplyRoutesTest {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    static final Duration DAY = Duration.ofHours(24);
    static final Duration MARGIN = Duration.ofMinutes(10);

    static Tenant tenant(Tenant.MessageTemplate template, Tenant.Sms sms) {
        return new Tenant("t", "T", "Europe/Moscow", "salon", null, new Tenant.Channels(
                new Tenant.WhatsApp("1065", null, null, null, template), null,
                new Tenant.Instagram("1784", null, null, null), null), null, null, null, null, null, sms);
    }

    static ReplyRequested reply(Channel channel, String name, String phone, Template template) {
        return new ReplyRequested(UUID.randomUUID(), "c", channel, "acc", new Contact("u", name, phone),
                "Ответ\nв две строки", ReplyKind.ANSWER, null, null, template);
    }

    @Test
    void windowIsOpenUntil24HoursMinusTheMarginAndNeverWithoutAClientMessage() {
        assertThat(ReplyRoutes.windowOpen(NOW.minus(Duration.ofHours(23)), NOW, DAY, MARGIN)).isTrue();
        assertThat(ReplyRoutes.windowOpen(NOW.minus(Duration.ofHours(23).plusMinutes(51)), NOW, DAY, MARGIN))
                .isFalse();
        assertThat(ReplyRoutes.windowOpen(NOW.minus(Duration.ofHours(25)), NOW, DAY, MARGIN)).isFalse();
        assertThat(ReplyRoutes.windowOpen(null, NOW, DAY, MARGIN)).isFalse();
    }

    @Test
    void insideTheWindowOrWithoutOneItIsFreeText() {
        Tenant t = tenant(null, null);
        assertThat(ReplyRoutes.plan(t, reply(Channel.WHATSAPP, null, null, null), true, 900).route())
                .isEqualTo(Route.TEXT);
        assertThat(ReplyRoutes.plan(t, reply(Channel.TELEGRAM, null, null, null), false, 900).route())
                .isEqualTo(Route.TEXT);
    }

    @Test
    void outsideWhatsAppPrefersTheRequestsTemplateThenTheTenantsThenSms() {
        Template own = new Template("reminder", "ru", List.of("a"));
        Tenant both = tenant(new Tenant.MessageTemplate("otklik_reply", "ru"), new Tenant.Sms("S", "KEY"));
        assertThat(ReplyRoutes.plan(both, reply(Channel.WHATSAPP, null, null, own), false, 900).template())
                .isEqualTo(own);
        ReplyRoutes.Plan tenantTemplate = ReplyRoutes.plan(both, reply(Channel.WHATSAPP, null, null, null), false,
                900);
        assertThat(tenantTemplate.route()).isEqualTo(Route.TEMPLATE);
        assertThat(tenantTemplate.template()).isEqualTo(new Template("otklik_reply", "ru",
                List.of("клиент", "Ответ в две строки")));
        Tenant smsOnly = tenant(null, new Tenant.Sms("S", "KEY"));
        assertThat(ReplyRoutes.plan(smsOnly, reply(Channel.WHATSAPP, "Иван", "+79161234567", null), false, 900)
                .route()).isEqualTo(Route.SMS);
        assertThat(ReplyRoutes.plan(smsOnly, reply(Channel.WHATSAPP, "Иван", null, null), false, 900).errorCode())
                .isEqualTo("no_phone");
        assertThat(ReplyRoutes.plan(tenant(null, null), reply(Channel.WHATSAPP, null, null, null), false, 900)
                .errorCode()).isEqualTo("outside_window");
    }

    @Test
    void outsideInstagramIsSmsOrNothingEvenWithATemplate() {
        Tenant templateOnly = tenant(new Tenant.MessageTemplate("otklik_reply", "ru"), null);
        assertThat(ReplyRoutes.plan(templateOnly, reply(Channel.INSTAGRAM, null, "+7916", null), false, 900)
                .errorCode()).isEqualTo("outside_window");
        assertThat(ReplyRoutes.plan(tenant(null, new Tenant.Sms(null, "KEY")),
                reply(Channel.INSTAGRAM, null, "+79161234567", null), false, 900).route()).isEqualTo(Route.SMS);
    }

    @Test
    void templateTextHasNoLineBreaksTabsOrLongSpaceRunsAndIsCapped() {
        assertThat(TemplateText.safe(" a\r\n\n b\tc" + " ".repeat(9) + "d ", 100)).isEqualTo("a b c    d");
        assertThat(TemplateText.safe("x".repeat(50), 10)).isEqualTo("x".repeat(9) + "…");
        assertThat(TemplateText.safe(null, 10)).isEmpty();
    }

    @Test
    void backoffGrowsWithJitterHonoursRetryAfterAndUsesFourToTheXForThePairRate() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10));
        Delivery outage = Delivery.failed("503", "x", true);
        assertThat(backoff.next(1, outage, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next(1, outage, 0.999)).isBetween(Duration.ofMillis(1990), Duration.ofSeconds(2));
        assertThat(backoff.next(3, outage, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next(20, outage, 0)).isEqualTo(Duration.ofMinutes(5));
        Delivery flood = Delivery.failed("429", "x", true).withRetryAfter(Duration.ofSeconds(17));
        assertThat(backoff.next(1, flood, 0)).isEqualTo(Duration.ofSeconds(17));
        assertThat(backoff.next(1, Delivery.failed("131056", "pair", true), 0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next(2, Delivery.failed("131056", "pair", true), 0)).isEqualTo(Duration.ofSeconds(8));
    }
}
