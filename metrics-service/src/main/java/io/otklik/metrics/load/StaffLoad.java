package io.otklik.metrics.load;

/** One specialist's load in a window: booked minutes over working minutes (0 when they had no working time). */
public record StaffLoad(String staffId, String name, long bookedMinutes, long workingMinutes, double load) {
}
