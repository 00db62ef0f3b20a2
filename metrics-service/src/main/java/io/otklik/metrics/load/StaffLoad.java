package io.otklik.metrics.load;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
/** One specialist's load in a window: booked minutes over working minutes (0 when they had no working time). */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StaffLoad(String staffId, String name, long bookedMinutes, long workingMinutes, double load) {
}
