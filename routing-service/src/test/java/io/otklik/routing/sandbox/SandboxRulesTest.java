package io.otklik.routing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a tenant's sandbox is on (its local dates, until inclusive) and who reviews its drafts. */
class SandboxRulesTest {

    static Tenant withSandbox(Tenant.Sandbox sandbox, List<Tenant.Duty> rota) {
        Tenant t = TestTenants.salon();
        return new Tenant(t.id(), t.name(), t.timezone(), t.segment(), t.apiKeyEnv(), t.channels(), t.crm(),
                t.hours(), t.staff(), t.services(), t.reminders(), t.sms(), t.nlu(), t.rules(), t.closedDates(),
                t.worksOnHolidays(), rota, t.faq(), sandbox, null);
    }

    @Test
    void theSandboxRunsThroughItsLastLocalDate() {
        Tenant tenant = withSandbox(new Tenant.Sandbox(true, LocalDate.of(2026, 11, 25), null), List.of());
        // 25.11 23:30 in Moscow is still the last day; 00:30 on 26.11 Moscow time is live
        assertThat(SandboxService.on(tenant, Instant.parse("2026-11-25T20:30:00Z"))).isTrue();
        assertThat(SandboxService.on(tenant, Instant.parse("2026-11-25T21:30:00Z"))).isFalse();
        assertThat(SandboxService.on(withSandbox(new Tenant.Sandbox(false, null, null), List.of()),
                TestTenants.NOW)).isFalse();
        assertThat(SandboxService.on(withSandbox(new Tenant.Sandbox(true, null, null), List.of()),
                TestTenants.NOW)).isTrue();
        assertThat(SandboxService.on(TestTenants.salon(), TestTenants.NOW)).isFalse();
    }

    @Test
    void theNamedApproverElseTheRotaElseTheOnDutyRole() {
        List<Tenant.Duty> rota = List.of(new Tenant.Duty("marina", List.<DayOfWeek>of(), LocalTime.of(9, 0),
                LocalTime.of(21, 0)), new Tenant.Duty("olga", List.<DayOfWeek>of(), LocalTime.of(21, 0),
                LocalTime.of(9, 0)));
        Tenant named = withSandbox(new Tenant.Sandbox(true, null, "katya"), rota);
        assertThat(SandboxService.approver(named, TestTenants.NOW)).get().extracting(Tenant.Staff::id)
                .isEqualTo("katya");
        Tenant byRota = withSandbox(new Tenant.Sandbox(true, null, null), rota);
        // 12:00 and 23:00 in Moscow
        assertThat(SandboxService.approver(byRota, TestTenants.NOW)).get().extracting(Tenant.Staff::id)
                .isEqualTo("marina");
        assertThat(SandboxService.approver(byRota, Instant.parse("2026-11-25T20:00:00Z"))).get()
                .extracting(Tenant.Staff::id).isEqualTo("olga");
        Tenant noRota = withSandbox(new Tenant.Sandbox(true, null, null), List.of());
        assertThat(SandboxService.approver(noRota, TestTenants.NOW)).get().extracting(Tenant.Staff::id)
                .isEqualTo("marina");
    }

    @Test
    void anApproverWhoIsNotOnTheStaffRefusesTheFile() {
        SandboxValidator validator = new SandboxValidator();
        validator.validate(withSandbox(new Tenant.Sandbox(true, null, "olga"), List.of()));
        assertThatThrownBy(() -> validator.validate(withSandbox(new Tenant.Sandbox(true, null, "nobody"),
                List.of()))).hasMessageContaining("sandbox.approver 'nobody'");
    }
}
