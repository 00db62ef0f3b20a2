package io.otklik.routing.dialog;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.booking.SlotFinder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Up to three free slots to offer when the client asks for another day ("а завтра?"), for later or for earlier
 * times. Pure: each candidate start of the tenant's grid is checked with {@link SlotFinder#find}, so whatever
 * SlotFinder knows about hours, breaks and busy specialists applies here too.
 */
final class Offers {

    static final int MAX = SlotFinder.MAX_ALTERNATIVES;
    /** How many days after the reference day "later" looks into. */
    static final int DAYS_AHEAD = 6;

    private Offers() {
    }

    /** The search's fixed inputs. */
    record Search(Tenant tenant, List<SlotFinder.Busy> busy, String serviceCode, String onlyStaffId, Instant now) {

        boolean free(LocalDateTime t) {
            return SlotFinder.find(tenant, busy, serviceCode, t.toLocalDate(), t.toLocalTime(), now, onlyStaffId)
                    .free();
        }

        /** The grid starts of a day at which the service fits in the opening hours. */
        List<LocalDateTime> grid(LocalDate day) {
            Tenant.Hours h = tenant.hours();
            int duration = tenant.service(serviceCode).map(Tenant.Service::durationMinutes).orElse(h.slotMinutes());
            List<LocalDateTime> starts = new ArrayList<>();
            int close = h.close().toSecondOfDay() / 60;
            for (int m = h.open().toSecondOfDay() / 60; m + duration <= close; m += h.slotMinutes()) {
                starts.add(LocalDateTime.of(day, LocalTime.ofSecondOfDay(m * 60L)));
            }
            return starts;
        }
    }

    /** On a given day: the requested time if free, then later times, then earlier ones closest first. */
    static List<LocalDateTime> around(Search s, LocalDate day, LocalTime pivot) {
        List<LocalDateTime> grid = s.grid(day);
        LocalDateTime at = LocalDateTime.of(day, pivot == null ? s.tenant().hours().open() : pivot);
        List<LocalDateTime> ordered = new ArrayList<>();
        grid.stream().filter(t -> !t.isBefore(at)).forEach(ordered::add);
        grid.stream().filter(t -> t.isBefore(at)).sorted(Comparator.reverseOrder()).forEach(ordered::add);
        return firstFree(s, ordered);
    }

    /** Later than {@code after}: the rest of that day, then the following days from opening. */
    static List<LocalDateTime> later(Search s, LocalDateTime after) {
        List<LocalDateTime> ordered = new ArrayList<>();
        for (int d = 0; d <= DAYS_AHEAD; d++) {
            s.grid(after.toLocalDate().plusDays(d)).stream().filter(t -> t.isAfter(after)).forEach(ordered::add);
        }
        return firstFree(s, ordered);
    }

    /** Earlier than {@code before} on the same day, closest first. */
    static List<LocalDateTime> earlier(Search s, LocalDateTime before) {
        List<LocalDateTime> ordered = s.grid(before.toLocalDate()).stream().filter(t -> t.isBefore(before))
                .sorted(Comparator.reverseOrder()).toList();
        return firstFree(s, ordered);
    }

    private static List<LocalDateTime> firstFree(Search s, List<LocalDateTime> ordered) {
        List<LocalDateTime> found = new ArrayList<>();
        for (LocalDateTime t : ordered) {
            if (found.size() == MAX) {
                break;
            }
            if (s.free(t)) {
                found.add(t);
            }
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }
}
