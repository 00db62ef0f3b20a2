package io.otklik.routing.dialog;

import static io.otklik.routing.TestTenants.THURSDAY;
import static io.otklik.routing.TestTenants.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The manager's one-line summary of a lead. */
class LeadSummaryTest {

    final Tenant salon = TestTenants.salon();

    static Decision decision(String intent, Decision.Booking booking, DialogState.Pending pending) {
        return new Decision("-", false, true, intent, booking, false, false, null, ConversationState.IDLE, pending);
    }

    @Test
    void bookingNamesServiceDayAndTime() {
        Decision.Booking b = new Decision.Booking("haircut", "Стрижка", 1500, "anna", "Анна",
                moscow(THURSDAY, 15, 0), moscow(THURSDAY, 16, 0), null, null);
        assertThat(LeadSummary.of(salon, decision("BOOK", b, DialogState.Pending.NONE), Channel.WHATSAPP, false,
                false)).isEqualTo("Запись: Стрижка 26.11 15:00; WhatsApp; клиент новый");
    }

    @Test
    void partialBookingPriceComplaintAndUrgency() {
        assertThat(LeadSummary.of(salon, decision("BOOK", null,
                        new DialogState.Pending("manicure", null, LocalTime.of(11, 0))), Channel.TELEGRAM, true, false))
                .isEqualTo("Запись: Маникюр 11:00; Telegram; клиент повторный");
        assertThat(LeadSummary.of(salon, decision("PRICE", null, DialogState.Pending.NONE), Channel.WEB_FORM, false,
                false)).isEqualTo("Вопрос о цене; веб-форма; клиент новый");
        assertThat(LeadSummary.of(salon, decision("COMPLAINT", null, DialogState.Pending.NONE), Channel.INSTAGRAM,
                false, true)).isEqualTo("Жалоба; Instagram; клиент новый; срочно");
    }
}
