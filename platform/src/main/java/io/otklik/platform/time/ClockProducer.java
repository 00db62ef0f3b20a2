package io.otklik.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The UTC clock every service injects, so pure logic can be tested with a fixed one. With
 * {@code otklik.clock.adjustable=true} (env {@code OTKLIK_CLOCK_ADJUSTABLE}) it is an {@link AdjustableClock} that an
 * admin endpoint may move forward, for demos and end-to-end tests; never in production.
 */
@ApplicationScoped
public class ClockProducer {

    private final Clock clock;

    public ClockProducer(@ConfigProperty(name = "otklik.clock.adjustable", defaultValue = "false") boolean adjustable) {
        this.clock = AdjustableClock.system(adjustable);
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return clock;
    }

    /** The clock to move forward, if this service runs with an adjustable one. */
    public Optional<AdjustableClock> adjustable() {
        return clock instanceof AdjustableClock a ? Optional.of(a) : Optional.empty();
    }
}
