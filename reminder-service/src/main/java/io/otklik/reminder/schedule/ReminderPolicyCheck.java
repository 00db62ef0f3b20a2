package io.otklik.reminder.schedule;

import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start with a reminder policy in tenants.yaml that would fail later, at the first booking. */
@ApplicationScoped
public class ReminderPolicyCheck {

    void onStart(@Observes StartupEvent start, TenantRegistry tenants) {
        for (Tenant tenant : tenants.all()) {
            try {
                ReminderPlanner.offsets(tenant.reminders());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tenants.yaml: tenant '" + tenant.id() + "': " + e.getMessage());
            }
            Integer hours = tenant.reminders().noShowAfterHours();
            if (hours != null && hours < 0) {
                throw new IllegalStateException("tenants.yaml: tenant '" + tenant.id()
                        + "': reminders.noShowAfterHours must be a number of hours (0 or none: no timeout)");
            }
        }
    }
}
