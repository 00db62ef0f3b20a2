package io.otklik.routing.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import io.otklik.routing.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script experiments: the variant's texts come first, and a bad experiment is refused with a message saying where. */
class ScriptExperimentsTest {

    static final String B_BOOKED = "Записали вас на «{service}» {when}, мастер {staff}. Если время подходит, ответьте"
            + " «Да» — и мы будем вас ждать.";

    static Tenant salonWith(List<Tenant.Experiment> experiments) {
        Tenant s = TestTenants.salon();
        return new Tenant(s.id(), s.name(), s.timezone(), s.segment(), s.apiKeyEnv(), s.channels(), s.crm(),
                s.hours(), s.staff(), s.services(), s.reminders(), s.sms(), s.nlu(), s.rules(), s.closedDates(),
                s.worksOnHolidays(), s.onDuty(), s.faq(), s.sandbox(), experiments);
    }

    static Tenant.Experiment wording(Map<String, String> bTexts) {
        return new Tenant.Experiment("confirm-wording", "script", List.of(
                new Tenant.Variant("A", 1, null, null), new Tenant.Variant("B", 1, bTexts, null)));
    }

    static final Map<String, Object> BOOKED = Map.of("service", "Стрижка", "when", "26.11 (чт) в 15:00", "specialist",
            "мастер", "staff", "Анна", "price", "1500 ₽", "duration", 60, "today", false, "queue", 0);

    @Test
    void theVariantsTextComesBeforeTheTenantsFolderAndTheBundledOne(@TempDir Path dir) throws IOException {
        Tenant salon = salonWith(List.of(wording(Map.of("booked", B_BOOKED, "greeting", "Привет от {tenant}!"))));
        Files.createDirectories(dir.resolve("demo-salon"));
        Files.writeString(dir.resolve("demo-salon/greeting.txt"), "Добрый день, это {tenant}.");
        DialogTexts texts = new DialogTexts(dir);

        DialogTexts b = texts.forVariants(salon, Map.of("confirm-wording", "B"));
        assertThat(b.render(salon, "booked", BOOKED)).isEqualTo("Записали вас на «Стрижка» 26.11 (чт) в 15:00, мастер"
                + " Анна. Если время подходит, ответьте «Да» — и мы будем вас ждать.");
        assertThat(b.render(salon, "greeting", Map.of("trial", "", "trialPrice", "")))
                .isEqualTo("Привет от Салон красоты «Лён»!");
        // texts the variant leaves alone: the tenant's folder, then the bundled set
        assertThat(b.render(salon, "cancelled", Map.of("when", "26.11 в 15:00")))
                .isEqualTo("Запись на 26.11 в 15:00 отменена. Если захотите выбрать другое время — напишите.");

        DialogTexts a = texts.forVariants(salon, Map.of("confirm-wording", "A"));
        assertThat(a).isSameAs(texts);
        assertThat(a.render(salon, "greeting", Map.of())).isEqualTo("Добрый день, это Салон красоты «Лён».");
        assertThat(a.render(salon, "booked", BOOKED)).endsWith("Подтвердите, пожалуйста, ответом «Да».");
        // an experiment or variant the tenant no longer runs changes nothing
        assertThat(texts.forVariants(salon, Map.of("gone", "B"))).isSameAs(texts);
        assertThat(texts.forVariants(salon, Map.of("confirm-wording", "C"))).isSameAs(texts);
    }

    @Test
    void aVariantTextThatFailsToRenderFallsBackToTheUsualOne() {
        Tenant salon = salonWith(List.of(wording(Map.of("booked", "Записали: {unknownField}"))));
        DialogTexts b = DialogTexts.bundled().forVariants(salon, Map.of("confirm-wording", "B"));
        assertThat(b.render(salon, "booked", BOOKED)).startsWith("Готово! Записали вас на «Стрижка»");
    }

    @Test
    void thePolicyRendersTheConversationsVariant() {
        Tenant salon = salonWith(List.of(wording(Map.of("booked", B_BOOKED))));
        DialogPolicy policy = new DialogPolicy();
        Classification book = new Classification("BOOK", 0.9, false, false,
                new Entities("haircut", TestTenants.THURSDAY, LocalTime.of(15, 0), null, null), "m");
        DialogState inB = new DialogState(ConversationState.IDLE, null, null, List.of(), true, true, false,
                Map.of("confirm-wording", "B"));
        DialogState inA = new DialogState(ConversationState.IDLE, null, null, List.of(), true, true, false,
                Map.of("confirm-wording", "A"));
        assertThat(policy.decide(salon, inB, book, List.of(), TestTenants.NOW).reply())
                .isEqualTo("Записали вас на «Стрижка» 26.11 (чт) в 15:00, мастер Анна. Если время подходит, ответьте"
                        + " «Да» — и мы будем вас ждать.");
        assertThat(policy.decide(salon, inA, book, List.of(), TestTenants.NOW).reply())
                .isEqualTo("Готово! Записали вас на «Стрижка» 26.11 (чт) в 15:00, мастер Анна. Стоимость 1500 ₽."
                        + " Подтвердите, пожалуйста, ответом «Да».");
    }

    @Test
    void goodExperimentsPass() {
        ScriptExperiments check = new ScriptExperiments();
        assertThatCode(() -> check.validate(salonWith(List.of(wording(Map.of("booked", B_BOOKED)),
                new Tenant.Experiment("timing", "reminders", List.of(
                        new Tenant.Variant("A", 1, null, List.of("PT24H")),
                        new Tenant.Variant("B", 2, null, List.of("PT2H")))))))).doesNotThrowAnyException();
        assertThatCode(() -> check.validate(TestTenants.salon())).doesNotThrowAnyException();
    }

    @Test
    void badExperimentsAreRefusedSayingWhere() {
        ScriptExperiments check = new ScriptExperiments();
        Tenant.Variant a = new Tenant.Variant("A", 1, null, null);
        Tenant.Variant b = new Tenant.Variant("B", 1, null, null);
        assertRefused(check, List.of(new Tenant.Experiment(" ", "script", List.of(a, b))), "has no id");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script", List.of(a, b)),
                new Tenant.Experiment("x", "script", List.of(a, b))), "experiment 'x' is declared twice");
        assertRefused(check, List.of(new Tenant.Experiment("x", "colours", List.of(a, b))),
                "experiment 'x': kind 'colours'");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script", List.of(a))),
                "experiment 'x' needs at least two variants, has 1");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script", List.of(a, a))),
                "experiment 'x' variant 'A' is declared twice");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                List.of(a, new Tenant.Variant("B", 0, null, null)))), "experiment 'x' variant 'B': weight 0");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                List.of(a, new Tenant.Variant("", 1, null, null)))), "experiment 'x': a variant has no name");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                        List.of(a, new Tenant.Variant("B", 1, Map.of("bokked", "Записали"), null)))),
                "experiment 'x' variant 'B' text 'bokked': the dialog has no text of that name");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                        List.of(a, new Tenant.Variant("B", 1, Map.of("../booked", "Записали"), null)))),
                "text '../booked': the dialog has no text of that name");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                        List.of(a, new Tenant.Variant("B", 1, Map.of("booked", "Записали {#if today}"), null)))),
                "experiment 'x' variant 'B' text 'booked' is not a valid template");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                        List.of(a, new Tenant.Variant("B", 1, Map.of("booked", " "), null)))),
                "experiment 'x' variant 'B' text 'booked' is empty");
        assertRefused(check, List.of(new Tenant.Experiment("x", "reminders",
                        List.of(a, new Tenant.Variant("B", 1, Map.of("booked", "Записали"), null)))),
                "experiment 'x' variant 'B': texts belong to a script experiment");
        assertRefused(check, List.of(new Tenant.Experiment("x", "script",
                        List.of(a, new Tenant.Variant("B", 1, null, List.of("PT2H"))))),
                "experiment 'x' variant 'B': before belongs to a reminders experiment");
        assertRefused(check, List.of(wording(Map.of("booked", B_BOOKED)), new Tenant.Experiment("y", "script",
                        List.of(a, new Tenant.Variant("B", 1, Map.of("booked", "Записали"), null)))),
                "experiment 'y': text 'booked' is already replaced by experiment 'confirm-wording'");
    }

    static final String FILE = """
            tenants:
              - id: ab-salon
                name: "Салон"
                timezone: Europe/Moscow
                segment: salon
                experiments:
                  - id: confirm-wording
                    variants:
                      - { name: A }
                      - { name: B, weight: 3, texts: { %s: "Записали вас {when}." } }
            """;

    @Test
    void aTenantsFileWithABadExperimentIsRefusedAndThePreviousOneStays(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, FILE.formatted("booked"));
        TenantRegistry registry = new TenantRegistry(file, null, List.of(new ScriptExperiments()));
        Tenant.Experiment loaded = registry.require("ab-salon").experiments("script").get(0);
        assertThat(loaded.kind()).isEqualTo("script");
        assertThat(loaded.variants()).extracting(Tenant.Variant::name, Tenant.Variant::weight)
                .containsExactly(tuple("A", 1), tuple("B", 3));
        assertThat(loaded.variants().get(1).texts()).containsEntry("booked", "Записали вас {when}.");

        Files.writeString(file, FILE.formatted("bookd") + "\n");
        assertThat(registry.reload()).isFalse();
        assertThat(registry.require("ab-salon").experiments().get(0).variants().get(1).texts())
                .as("the previous configuration stays").containsOnlyKeys("booked");
        assertThatThrownBy(() -> new TenantRegistry(file, null, List.of(new ScriptExperiments())))
                .hasMessageContaining("tenant 'ab-salon': experiment 'confirm-wording' variant 'B' text 'bookd'");
    }

    private static void assertRefused(ScriptExperiments check, List<Tenant.Experiment> experiments, String message) {
        assertThatThrownBy(() -> check.validate(salonWith(experiments)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
