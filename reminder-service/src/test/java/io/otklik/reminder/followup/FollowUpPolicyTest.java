package io.otklik.reminder.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import io.otklik.reminder.appointment.AppointmentStatus;
import io.otklik.reminder.followup.FollowUpPolicy.Outcome;
import io.otklik.reminder.followup.FollowUpPolicy.Visit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a follow-up is due, whether a due one goes out, to whom, and the staff's text; fixed instants. */
class FollowUpPolicyTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Thursday 26.11.2026 15:00 in Moscow. */
    static final Instant STARTS = Instant.parse("2026-11-26T12:00:00Z");

    static Tenant.Reminders confirmBy(String value) {
        return new Tenant.Reminders(null, null, null, null, value, null);
    }

    @Test
    void dueThreeHoursBeforeByDefaultAndNotArmedWhenAlreadyPastOrOff() {
        Instant twoDaysBefore = STARTS.minus(Duration.ofDays(2));
        assertThat(FollowUpPolicy.dueAt(STARTS, confirmBy(null), twoDaysBefore))
                .contains(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(FollowUpPolicy.dueAt(STARTS, confirmBy("PT5H"), twoDaysBefore))
                .contains(Instant.parse("2026-11-26T07:00:00Z"));
        // booked 2 h before the visit: the 3 h deadline has passed, nothing to arm
        assertThat(FollowUpPolicy.dueAt(STARTS, confirmBy(null), STARTS.minus(Duration.ofHours(2)))).isEmpty();
        assertThat(FollowUpPolicy.dueAt(STARTS, confirmBy(null), STARTS.minus(Duration.ofHours(3)))).isEmpty();
        assertThat(FollowUpPolicy.dueAt(STARTS, confirmBy("off"), twoDaysBefore)).isEmpty();
        assertThat(FollowUpPolicy.dueAt(STARTS, confirmBy("OFF"), twoDaysBefore)).isEmpty();
    }

    @Test
    void aBadConfirmByIsRefusedWithTheValueNamed() {
        assertThatThrownBy(() -> FollowUpPolicy.confirmBy(confirmBy("3 hours")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'3 hours'");
        assertThatThrownBy(() -> FollowUpPolicy.confirmBy(confirmBy("PT0S")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> FollowUpPolicy.confirmBy(confirmBy("-PT1H")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void onlyABookedUnconfirmedVisitThatHasNotStartedIsHandedOver() {
        Instant due = STARTS.minus(Duration.ofHours(3));
        assertThat(FollowUpPolicy.decide(new Visit(AppointmentStatus.BOOKED, STARTS, null), due).outcome())
                .isEqualTo(Outcome.SEND);
        // a tick after downtime, still before the visit: better late than never
        assertThat(FollowUpPolicy.decide(new Visit(AppointmentStatus.BOOKED, STARTS, null),
                STARTS.minusSeconds(1)).outcome()).isEqualTo(Outcome.SEND);
        for (AppointmentStatus settled : List.of(AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED,
                AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW)) {
            assertThat(FollowUpPolicy.decide(new Visit(settled, STARTS, null), due).outcome())
                    .as(settled.name()).isEqualTo(Outcome.CANCEL);
        }
        assertThat(FollowUpPolicy.decide(new Visit(AppointmentStatus.BOOKED, STARTS, null), STARTS))
                .isEqualTo(new FollowUpPolicy.Decision(Outcome.SKIP, "visit_started"));
        assertThat(FollowUpPolicy.decide(new Visit(AppointmentStatus.BOOKED, STARTS, "lead"), due))
                .isEqualTo(new FollowUpPolicy.Decision(Outcome.SKIP, "unsendable:lead"));
    }

    @Test
    void theOnDutyMemberGetsItElseTheOwnerElseTheFirstStaffMember() {
        Tenant.Staff owner = new Tenant.Staff("olga", "Ольга", "owner", "1", List.of());
        Tenant.Staff duty = new Tenant.Staff("marina", "Марина", "specialist", "2", List.of());
        Tenant.Staff anna = new Tenant.Staff("anna", "Анна", "specialist", null, List.of());
        Tenant rota = tenant(List.of(anna, owner, duty),
                List.of(new Tenant.Duty("marina", List.of(DayOfWeek.THURSDAY), LocalTime.of(9, 0),
                        LocalTime.of(21, 0))));
        // Thursday 12:00 Moscow: Марина's shift; Friday 12:00: no shift, the owner
        assertThat(FollowUpPolicy.assignee(rota, Instant.parse("2026-11-26T09:00:00Z"))).contains(duty);
        assertThat(FollowUpPolicy.assignee(rota, Instant.parse("2026-11-27T09:00:00Z"))).contains(owner);
        assertThat(FollowUpPolicy.assignee(tenant(List.of(anna), List.of()), STARTS)).contains(anna);
        assertThat(FollowUpPolicy.assignee(tenant(List.of(), List.of()), STARTS)).isEmpty();
    }

    @Test
    void theSummaryNamesTheVisitAndHowToReachTheClient() {
        assertThat(FollowUpPolicy.summary(STARTS, MOSCOW, "Стрижка", "Анна", "salon", null, null))
                .isEqualTo("Клиент не подтвердил запись на 26.11 15:00 «Стрижка» (мастер Анна). Позвоните клиенту.");
        assertThat(FollowUpPolicy.summary(STARTS, ZoneId.of("Asia/Vladivostok"), "Растяжка", "Олеся", "fitness",
                "Иван", "+79161234567"))
                .isEqualTo("Клиент Иван не подтвердил запись на 26.11 22:00 «Растяжка» (тренер Олеся)."
                        + " Позвоните клиенту: +79161234567.");
        assertThat(FollowUpPolicy.summary(STARTS, MOSCOW, null, null, "clinic", " ", null))
                .isEqualTo("Клиент не подтвердил запись на 26.11 15:00. Позвоните клиенту.");
    }

    static Tenant tenant(List<Tenant.Staff> staff, List<Tenant.Duty> onDuty) {
        return new Tenant("t", "T", "Europe/Moscow", "salon", null, null, null, null, staff, List.of(), null, null,
                null, null, null, null, onDuty, null, null, null);
    }
}
