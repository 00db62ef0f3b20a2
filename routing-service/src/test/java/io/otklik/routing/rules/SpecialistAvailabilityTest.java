package io.otklik.routing.rules;

import static io.otklik.routing.TestTenants.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import io.otklik.routing.booking.SlotFinder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** specialist_free_within's fact: the wait until the first grid start with a free specialist. */
class SpecialistAvailabilityTest {

    static final Tenant SALON = TestTenants.salon();
    static final LocalDate WED = LocalDate.of(2026, 11, 25);

    static SlotFinder.Busy busy(String staff, int hour) {
        return new SlotFinder.Busy(UUID.randomUUID(), staff, moscow(WED, hour, 0), moscow(WED, hour + 1, 0));
    }

    @Test
    void theNextGridStartWhenFreeLaterWhenBusyNullWhenNoneSoon() {
        // 12:10 in Moscow: the next grid start is 13:00
        assertThat(SpecialistAvailability.freeIn(SALON, List.of(), "coloring", moscow(WED, 12, 10)))
                .isEqualTo(Duration.ofMinutes(50));
        // Anna (the only colourist) is busy 13-15: a 2-hour colouring fits from 15:00
        assertThat(SpecialistAvailability.freeIn(SALON, List.of(busy("anna", 13), busy("anna", 14)), "coloring",
                moscow(WED, 12, 10))).isEqualTo(Duration.ofMinutes(170));
        // a haircut: Katya is free at 13:00 although Anna is not
        assertThat(SpecialistAvailability.freeIn(SALON, List.of(busy("anna", 13)), "haircut",
                moscow(WED, 12, 10))).isEqualTo(Duration.ofMinutes(50));
        // no service named: the soonest of any
        assertThat(SpecialistAvailability.freeIn(SALON, List.of(), null, moscow(WED, 8, 0)))
                .isEqualTo(Duration.ofMinutes(60));
        // 20:30: closed until 09:00 tomorrow, more than the 12-hour horizon away
        assertThat(SpecialistAvailability.freeIn(SALON, List.of(), "haircut", moscow(WED, 20, 30))).isNull();
    }
}
