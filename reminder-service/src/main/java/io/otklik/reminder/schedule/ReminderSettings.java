package io.otklik.reminder.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the reminder job ({@code otklik.reminders.*}); the per-tenant policy lives in tenants.yaml. */
@ConfigMapping(prefix = "otklik.reminders")
public interface ReminderSettings {

    /** How often the job runs, a Quarkus {@code every} expression ({@code 30s}; {@code off} disables it). */
    @WithDefault("30s")
    String tick();

    /** Delay before the first run after start. */
    @WithDefault("10s")
    String startDelay();

    /** Reminders due sooner than this after booking or rescheduling are not planned. */
    @WithDefault("15m")
    Duration minLead();
}
