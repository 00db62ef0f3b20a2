package io.otklik.routing.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the texts come from: the tenant's folder, the segment's bundled set, the default set. */
class DialogTextsTest {

    final Tenant salon = TestTenants.salon();

    static Tenant ofSegment(String segment) {
        return new Tenant("t1", "Тест", "Europe/Moscow", segment, null, null, null, null, List.of(), List.of(), null,
                null);
    }

    @Test
    void theSegmentsSetWinsOverTheDefaultOne() {
        DialogTexts texts = DialogTexts.bundled();
        Map<String, Object> data = Map.of("service", "Стрижка", "when", "26.11 (чт) в 15:00", "specialist", "мастер",
                "staff", "Анна", "price", "1500 ₽", "duration", 60, "today", false, "queue", 0);
        assertThat(texts.render(ofSegment("services"), "booked", data)).contains("работа займёт около 60 мин");
        assertThat(texts.render(ofSegment(null), "booked", data)).isEqualTo("Готово! Записали вас на «Стрижка» 26.11"
                + " (чт) в 15:00, мастер Анна. Стоимость 1500 ₽. Подтвердите, пожалуйста, ответом «Да».");
        assertThat(texts.render(ofSegment("unknown-segment"), "ask-day-and-time", Map.of()))
                .isEqualTo("На какой день и время вам удобно?");
        assertThatThrownBy(() -> texts.render(salon, "no-such-text", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-text");
    }

    @Test
    void everyBundledTextRendersForEverySegment() throws IOException {
        DialogTexts texts = DialogTexts.bundled();
        Path defaults = Path.of("src/main/resources/dialog-templates/default");
        Map<String, Object> data = new java.util.HashMap<>();
        for (String key : List.of("service", "when", "specialist", "staff", "price", "services", "time", "date",
                "open", "close", "prices", "answers", "why", "offer", "day", "specialists", "trial", "trialPrice", "specialistOf")) {
            data.put(key, "x");
        }
        data.putAll(Map.of("duration", 60, "today", true, "queue", 2, "askName", true, "reminded", false,
                "unavailable", false));
        // the nearest-slot offers (DialogNearestTest)
        data.putAll(Map.of("window", true, "staffBusy", true, "dayFull", true, "doesService", true));
        try (var files = Files.list(defaults)) {
            List<String> names = files.map(p -> p.getFileName().toString().replace(".txt", "")).sorted().toList();
            assertThat(names).hasSizeGreaterThan(30);
            for (String segment : List.of("salon", "clinic", "fitness", "services")) {
                for (String name : names) {
                    assertThat(texts.render(ofSegment(segment), name, data)).as(segment + "/" + name)
                            .isNotBlank().doesNotContain("{").doesNotContain("NOT_FOUND").doesNotContain("\n");
                }
            }
        }
    }

    @Test
    void aTenantsOwnTextReplacesTheBundledOneAndIsReReadWhenEdited(@TempDir Path dir) throws IOException {
        Path own = dir.resolve("demo-salon");
        Files.createDirectories(own);
        Path greeting = own.resolve("greeting.txt");
        Files.writeString(greeting, "Привет! Это {tenant}.\nЧем помочь?\n");
        DialogTexts texts = new DialogTexts(dir);
        assertThat(texts.render(salon, "greeting", Map.of())).isEqualTo("Привет! Это Салон красоты «Лён». Чем"
                + " помочь?");
        // other texts and other tenants keep the bundled ones
        assertThat(texts.render(salon, "ask-day-and-time", Map.of())).isEqualTo("На какой день и время вам удобно?");
        assertThat(texts.render(ofSegment("salon"), "greeting", Map.of())).startsWith("Здравствуйте! Вас приветствует"
                + " Тест.");

        Files.writeString(greeting, "Добрый день, {tenant}!\n");
        Files.setLastModifiedTime(greeting, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(texts.render(salon, "greeting", Map.of())).isEqualTo("Добрый день, Салон красоты «Лён»!");
    }

    @Test
    void aBrokenTenantTextFallsBackToTheBundledOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("demo-salon"));
        Files.writeString(dir.resolve("demo-salon/greeting.txt"), "{#if}\n");
        Files.writeString(dir.resolve("demo-salon/handoff.txt"), "Передал {nobody.knows}\n");
        DialogTexts texts = new DialogTexts(dir);
        assertThat(texts.render(salon, "greeting", Map.of())).startsWith("Здравствуйте! Вас приветствует");
        assertThat(texts.render(salon, "handoff", Map.of("staff", "Марина"))).isEqualTo("Передал ваше обращение"
                + " администратору Марина — с вами свяжутся в ближайшее время.");
    }
}
