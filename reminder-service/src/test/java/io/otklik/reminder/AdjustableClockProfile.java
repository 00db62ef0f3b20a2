package io.otklik.reminder;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** reminder-service with the adjustable clock on (its own Quarkus start: advancing it must not move other tests). */
public class AdjustableClockProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("otklik.clock.adjustable", "true");
    }
}
