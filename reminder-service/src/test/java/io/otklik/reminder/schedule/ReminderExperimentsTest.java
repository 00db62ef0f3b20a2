package io.otklik.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reminder-timing experiment: stable arms, the arm's offsets, the variants on reminder_sent, refused configs. */
class ReminderExperimentsTest {

    static final Tenant.Experiment TIMING = new Tenant.Experiment("reminder-timing", "reminders", List.of(
            new Tenant.Variant("A", 1, null, List.of("PT24H", "PT2H")),
            new Tenant.Variant("B", 1, null, List.of("PT3H"))));
    static final Tenant.Experiment WORDING = new Tenant.Experiment("confirm-wording", "script", List.of(
            new Tenant.Variant("A", 1, null, null),
            new Tenant.Variant("B", 1, Map.of("booked", "Записали"), null)));

    static Tenant salon(List<Tenant.Experiment> experiments) {
        return new Tenant("ab-salon", "Салон", "Europe/Moscow", "salon", null, null, null, null, null, null,
                new Tenant.Reminders(List.of("PT24H", "PT2H"), 4, null, null, null, "Ждём!"), null, null, null, null,
                null, null, null, null, experiments);
    }

    @Test
    void anAppointmentsArmIsStableAndFollowsItsConversation() {
        Tenant tenant = salon(List.of(WORDING, TIMING));
        for (int i = 0; i < 20; i++) {
            String conversation = "tg:" + i;
            ReminderExperiments.Arm arm = ReminderExperiments.arm(tenant, conversation, UUID.randomUUID())
                    .orElseThrow();
            // the same for any appointment of the conversation, and the same as platform's Experiments says
            assertThat(ReminderExperiments.arm(tenant, conversation, UUID.randomUUID()).orElseThrow())
                    .isEqualTo(arm);
            assertThat(arm.variant()).isEqualTo(Experiments.assign(TIMING, conversation).name());
            assertThat(arm.experimentId()).isEqualTo("reminder-timing");
            assertThat(arm.policy().before()).isEqualTo("A".equals(arm.variant()) ? List.of("PT24H", "PT2H")
                    : List.of("PT3H"));
            // the rest of the policy stays the tenant's
            assertThat(arm.policy().note()).isEqualTo("Ждём!");
            assertThat(arm.policy().noShowAfterHours()).isEqualTo(4);
        }
        // without a conversation the appointment is the unit
        UUID appointment = UUID.randomUUID();
        assertThat(ReminderExperiments.arm(tenant, null, appointment).orElseThrow().variant())
                .isEqualTo(Experiments.assign(TIMING, appointment.toString()).name());
        assertThat(ReminderExperiments.arm(salon(List.of(WORDING)), "tg:1", appointment)).isEmpty();
    }

    @Test
    void reminderSentVariantsNameEveryExperimentWithThePlannedArm() {
        Tenant tenant = salon(List.of(WORDING, TIMING));
        String conversation = "wa:variants";
        String wording = Experiments.assign(WORDING, conversation).name();
        String timing = Experiments.assign(TIMING, conversation).name();
        assertThat(ReminderExperiments.variants(tenant, conversation, timing))
                .containsExactly(Map.entry("confirm-wording", wording), Map.entry("reminder-timing", timing));
        // the arm stored at planning wins over today's assignment (the file may have changed since)
        assertThat(ReminderExperiments.variants(tenant, conversation, "Z")).containsEntry("reminder-timing", "Z");
        // planned before the experiment started: no arm of it
        assertThat(ReminderExperiments.variants(tenant, conversation, null))
                .containsExactly(Map.entry("confirm-wording", wording));
        // no conversation: only the reminder experiment is known
        assertThat(ReminderExperiments.variants(tenant, null, "B")).containsExactly(Map.entry("reminder-timing", "B"));
        assertThat(ReminderExperiments.variants(salon(List.of()), conversation, null)).isEmpty();
    }

    @Test
    void badReminderExperimentsAreRefusedNamingTheExperimentAndArm() {
        assertRefused(List.of(new Tenant.Experiment("t", "reminders", List.of(
                        new Tenant.Variant("A", 1, null, List.of("PT24H")),
                        new Tenant.Variant("B", 1, null, null)))),
                "experiment 't' (kind reminders) variant 'B' needs before");
        assertRefused(List.of(new Tenant.Experiment("t", "reminders", List.of(
                        new Tenant.Variant("A", 1, null, List.of("PT24H")),
                        new Tenant.Variant("B", 1, null, List.of("3h"))))),
                "experiment 't' (kind reminders) variant 'B': before '3h' is not an ISO-8601 duration");
        assertRefused(List.of(new Tenant.Experiment("t", "reminders", List.of(
                        new Tenant.Variant("A", 1, null, List.of("PT24H"))))),
                "experiment 't' (kind reminders) needs at least two variants");
        assertRefused(List.of(new Tenant.Experiment("t", "reminders", List.of(
                        new Tenant.Variant("A", 1, null, List.of("PT24H")),
                        new Tenant.Variant("A", 1, null, List.of("PT2H"))))),
                "variant 'A' is declared twice");
        assertRefused(List.of(new Tenant.Experiment("t", "reminders", List.of(
                        new Tenant.Variant("A", 0, null, List.of("PT24H")),
                        new Tenant.Variant("B", 1, null, List.of("PT2H"))))),
                "variant 'A': weight 0 must be at least 1");
        assertRefused(List.of(new Tenant.Experiment("t", "reminders", List.of(
                        new Tenant.Variant("A", 1, Map.of("booked", "x"), List.of("PT24H")),
                        new Tenant.Variant("B", 1, null, List.of("PT2H"))))),
                "variant 'A': texts belong to a script experiment");
        assertRefused(List.of(TIMING, new Tenant.Experiment("other", "reminders", TIMING.variants())),
                "only one experiment of kind reminders");
        // good ones pass, script experiments are not this validator's business
        new ReminderExperiments().validate(salon(List.of(WORDING, TIMING)));
    }

    private static void assertRefused(List<Tenant.Experiment> experiments, String message) {
        assertThatThrownBy(() -> new ReminderExperiments().validate(salon(experiments)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    static final String FILE = """
            tenants:
              - id: ab-salon
                name: "Салон"
                timezone: Europe/Moscow
                segment: salon
                experiments:
                  - id: reminder-timing
                    kind: reminders
                    variants:
                      - { name: A, before: ["PT24H", "PT2H"] }
                      - { name: B, before: [%s] }
            """;

    @Test
    void aTenantsFileWithABadReminderExperimentIsRefusedSoTheServiceDoesNotStart(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, FILE.formatted("\"PT3H\""));
        TenantRegistry registry = new TenantRegistry(file, null, List.of(new ReminderExperiments()));
        assertThat(registry.require("ab-salon").experiments("reminders").get(0).variants())
                .extracting(Tenant.Variant::before).containsExactly(List.of("PT24H", "PT2H"), List.of("PT3H"));

        Files.writeString(file, FILE.formatted("\"PT3\""));
        assertThat(registry.reload()).as("a bad file is refused on reload").isFalse();
        assertThat(registry.require("ab-salon").experiments().get(0).variants().get(1).before())
                .as("the previous configuration stays").containsExactly("PT3H");
        assertThatThrownBy(() -> new TenantRegistry(file, null, List.of(new ReminderExperiments())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tenant 'ab-salon': experiment 'reminder-timing' (kind reminders) variant 'B':"
                        + " before 'PT3' is not an ISO-8601 duration");
    }
}
