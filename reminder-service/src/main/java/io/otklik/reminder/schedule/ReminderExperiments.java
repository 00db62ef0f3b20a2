package io.otklik.reminder.schedule;

import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reminder-timing A/B experiment: a tenant's {@code experiments} entry of kind {@code reminders} whose arms each
 * name their own {@code before} offsets. An appointment falls into one arm by {@link Experiments} (its conversation
 * as the unit, so it matches the arms routing-service puts on the conversation's events; the appointment id when it
 * has none), and that arm's offsets replace {@code reminders.before}. As a {@link TenantValidator} it makes
 * TenantRegistry refuse a tenants.yaml whose reminder experiment would fail at the first booking, so the service
 * does not start on one (and a reload keeps the previous file).
 */
@ApplicationScoped
public class ReminderExperiments implements TenantValidator {

    /** The kind of experiment whose arms replace the reminder offsets. */
    public static final String KIND = "reminders";

    /**
     * The arm an appointment is in.
     *
     * @param experimentId the experiment's id, the key of {@code variants} on events
     * @param variant      the arm's name, stored on every reminder planned from it
     * @param policy       the tenant's reminder policy with the arm's offsets in {@code before}
     */
    public record Arm(String experimentId, String variant, Tenant.Reminders policy) {
    }

    /** The appointment's arm of the tenant's reminder experiment; empty when the tenant runs none. */
    public static Optional<Arm> arm(Tenant tenant, String conversationId, UUID appointmentId) {
        List<Tenant.Experiment> experiments = tenant.experiments(KIND);
        if (experiments.isEmpty()) {
            return Optional.empty();
        }
        Tenant.Experiment experiment = experiments.get(0); // the validator allows one
        Tenant.Variant variant = Experiments.assign(experiment, unit(conversationId, appointmentId));
        Tenant.Reminders p = tenant.reminders();
        return Optional.of(new Arm(experiment.id(), variant.name(), new Tenant.Reminders(variant.before(),
                p.noShowAfterHours(), p.quietFrom(), p.quietTo(), p.confirmBy(), p.note())));
    }

    /**
     * What {@code reminder_sent.variants} carries: the conversation's arm in every experiment of the tenant (script
     * and reminders). The reminder experiment's entry is the arm the reminder was planned in ({@code plannedVariant}),
     * not today's assignment, since the file may have changed since; a reminder planned outside any arm (before the
     * experiment started) has no entry for it.
     */
    public static Map<String, String> variants(Tenant tenant, String conversationId, String plannedVariant) {
        Map<String, String> arms = new LinkedHashMap<>();
        if (conversationId != null && !conversationId.isBlank()) {
            arms.putAll(Experiments.variants(tenant, conversationId));
        }
        List<Tenant.Experiment> reminderExperiments = tenant.experiments(KIND);
        if (!reminderExperiments.isEmpty()) {
            String id = reminderExperiments.get(0).id();
            if (plannedVariant != null) {
                arms.put(id, plannedVariant);
            } else {
                arms.remove(id);
            }
        }
        return arms;
    }

    private static String unit(String conversationId, UUID appointmentId) {
        return conversationId != null && !conversationId.isBlank() ? conversationId : String.valueOf(appointmentId);
    }

    @Override
    public void validate(Tenant tenant) {
        check(tenant);
    }

    /**
     * Checks the tenant's reminder experiments: at most one (two would fight over the offsets), with an id, at least
     * two arms with unique names, weights of at least 1 and valid {@code before} offsets of their own, and no
     * {@code texts} (those belong to a script experiment).
     *
     * @throws IllegalArgumentException naming the experiment and arm at fault
     */
    public static void check(Tenant tenant) {
        List<Tenant.Experiment> experiments = tenant.experiments(KIND);
        if (experiments.size() > 1) {
            throw new IllegalArgumentException("experiments: only one experiment of kind reminders may run at a time,"
                    + " found " + experiments.stream().map(Tenant.Experiment::id).toList());
        }
        for (Tenant.Experiment e : experiments) {
            if (e.id() == null || e.id().isBlank()) {
                throw new IllegalArgumentException("experiments: an experiment of kind reminders has no id");
            }
            String where = "experiment '" + e.id() + "' (kind reminders)";
            Experiments.checkArms(e, where);
            for (Tenant.Variant v : e.variants()) {
                String variant = where + " variant '" + v.name() + "'";
                if (!v.texts().isEmpty()) {
                    throw new IllegalArgumentException(variant + ": texts belong to a script experiment");
                }
                if (v.before().isEmpty()) {
                    throw new IllegalArgumentException(variant + " needs before: the ISO-8601 durations before the"
                            + " visit its reminders are due, e.g. [\"PT3H\"]");
                }
                try {
                    ReminderPlanner.offsets(new Tenant.Reminders(v.before(), null, null, null, null, null));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(variant + ": " + ex.getMessage().replace("reminders.before",
                            "before"), ex);
                }
            }
        }
    }
}
