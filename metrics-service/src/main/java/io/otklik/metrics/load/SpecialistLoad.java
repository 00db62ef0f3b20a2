package io.otklik.metrics.load;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A tenant's specialist load in a window: the specialists' booked minutes over their working minutes, and each
 * specialist's own, in tenants.yaml order.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SpecialistLoad(long bookedMinutes, long workingMinutes, double load, List<StaffLoad> byStaff) {

    public SpecialistLoad {
        byStaff = List.copyOf(byStaff);
    }
}
