package io.otklik.nlu.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Entities;
import io.otklik.events.data.Intent;
import io.otklik.platform.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The extractor as a whole: every entity with its span, the summary, thread safety, tenants and speed. */
class EntityExtractorTest {

    final EntityExtractor extractor = new EntityExtractor();

    static final List<String> MESSAGES = List.of(
            "Здравствуйте! Хочу записаться на стрижку завтра в 15:00, мой номер +7 916 123-45-67",
            "Добрый день, можно к Анне на маникюр в субботу после обеда?",
            "сколько стоит окрашивание?",
            "Спасибо, до встречи!",
            "не смогу прийти в четверг, давайте перенесем на пятницу вечером",
            "да, буду",
            "где вы находитесь? есть парковка?",
            "меня зовут Катя, хочу на ноготочки послезавтра утром",
            "мастер нахамил, верните деньги",
            "можно сегодня в 7 вечера?",
            "отмените запись пожалуйста",
            "а у вас есть педикюр с покрытием? сколько по времени",
            "здравствуйте",
            "хочу подстричься на выходных, желательно с утра",
            "Марина, 89161234567",
            "до скольки вы работаете в воскресенье");

    @Test
    void everyEntityWithItsSpanAndTheSummary() {
        String text = "Здравствуйте, меня зовут Катя! Запишите на педикюр к Екатерине в субботу в 3 часа дня, "
                + "+7 916 765-43-21";
        Extraction e = extractor.extract(text, TestTenants.SALON, TestTenants.WEDNESDAY);
        assertThat(e.entities()).extracting(Entity::type, Entity::text, Entity::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("name", "Катя", "Катя"),
                org.assertj.core.groups.Tuple.tuple("service", "педикюр", "pedicure"),
                org.assertj.core.groups.Tuple.tuple("staff", "Екатерине", "katya"),
                org.assertj.core.groups.Tuple.tuple("datetime", "в субботу в 3 часа дня", "2026-11-28T15:00"),
                org.assertj.core.groups.Tuple.tuple("phone", "+7 916 765-43-21", "+79167654321"));
        for (Entity x : e.entities()) {
            assertThat(text.substring(x.start(), x.end())).isEqualTo(x.text());
        }
        Instant at = Instant.parse("2026-11-28T12:00:00Z");
        assertThat(e.summary()).isEqualTo(new Entities("pedicure", LocalDate.of(2026, 11, 28), LocalTime.of(15, 0),
                "+79167654321", "Катя", "katya", at, null));
        Entity when = e.entities().get(3);
        assertThat(when.from()).isEqualTo(at);
        assertThat(when.to()).isNull();
        assertThat(e.entities().get(0).from()).as("only a datetime has instants").isNull();
    }

    @Test
    void nothingInEmptyOrNullText() {
        for (String text : new String[] {null, "", "   ", "👍", "?!"}) {
            Extraction e = extractor.extract(text, TestTenants.SALON, TestTenants.WEDNESDAY);
            assertThat(e.entities()).isEmpty();
            assertThat(e.summary()).isEqualTo(Entities.none());
        }
    }

    @Test
    void emojiPunctuationAndLineBreaksDoNotGetInTheWay() {
        Entities e = extractor.extract("💅💅 маникюр!!!\nзавтра)) в 15", TestTenants.SALON, TestTenants.WEDNESDAY)
                .summary();
        assertThat(e.service()).isEqualTo("manicure");
        assertThat(e.date()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(e.time()).as("a line break ends the sentence, the day is joined to the time anyway")
                .isEqualTo(LocalTime.of(15, 0));
        e = extractor.extract("зaвтра в 15", TestTenants.SALON, TestTenants.WEDNESDAY).summary();
        assertThat(e.date()).as("a Latin «a» inside a Cyrillic word").isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void theSameResultsFromManyThreads() throws Exception {
        List<Extraction> expected = MESSAGES.stream()
                .map(m -> extractor.extract(m, TestTenants.SALON, TestTenants.WEDNESDAY)).toList();
        EntityExtractor shared = new EntityExtractor();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int k = i % MESSAGES.size();
                        if (!shared.extract(MESSAGES.get(k), TestTenants.SALON, TestTenants.WEDNESDAY)
                                .equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTenantWhoseCatalogueChangedIsCompiledAgain() {
        Tenant before = TestTenants.GARAGE;
        assertThat(extractor.extract("нужен развал-схождение", before, TestTenants.WEDNESDAY).summary().service())
                .isNull();
        List<Tenant.Service> services = new java.util.ArrayList<>(before.services());
        services.add(new Tenant.Service("alignment", "Развал-схождение", 2500, 60, List.of("развал")));
        Tenant after = new Tenant(before.id(), before.name(), before.timezone(), before.segment(), null, null, null,
                before.hours(), before.staff(), services, null, null);
        assertThat(extractor.extract("нужен развал-схождение", after, TestTenants.WEDNESDAY).summary().service())
                .isEqualTo("alignment");
    }
}
