package io.otklik.nlu.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.platform.tenant.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalogue services named with inflection, diminutives and typos; and words that must not be read as one. */
class ServiceExtractionTest {

    final EntityExtractor extractor = new EntityExtractor();

    static Tenant tenant(String name) {
        return switch (name) {
            case "salon" -> TestTenants.SALON;
            case "clinic" -> TestTenants.CLINIC;
            default -> TestTenants.GARAGE;
        };
    }

    String service(String tenant, String text) {
        return extractor.extract(text, tenant(tenant), TestTenants.WEDNESDAY).summary().service();
    }

    @ParameterizedTest(name = "{0}: «{1}» -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            salon  | хочу на стрижку                          | haircut
            salon  | Хочу подстричься                         | haircut
            salon  | подстричь кончики                        | haircut
            salon  | постричься бы                            | haircut
            salon  | подстричся (без мягкого знака)           | haircut
            salon  | стрижечку бы освежить                    | haircut
            salon  | стришку можно?                           | haircut
            salon  | СТРИЖКА                                  | haircut
            salon  | маникюрчик хочу                          | manicure
            salon  | на ноготочки                             | manicure
            salon  | ноготки сделать                          | manicure
            salon  | ногти нарастить                          | manicure
            salon  | маникур с покрытием                      | manicure
            salon  | маникюрша свободна?                      | manicure
            salon  | окрашевание                              | coloring
            salon  | акрашивание                              | coloring
            salon  | Нужно покрасить корни                    | coloring
            salon  | покраска волос                           | coloring
            salon  | колорирование сколько?                   | coloring
            salon  | педекюр                                  | pedicure
            salon  | педикюрчик                               | pedicure
            salon  | Маникюр и педикюр в субботу              | manicure
            clinic | чистка зубов                             | cleaning
            clinic | чистку зубиков бы                        | cleaning
            clinic | профессиональная гигиена                 | cleaning
            clinic | гигиена полости рта                      | cleaning
            clinic | отбеливание                              | whitening
            clinic | атбеливание                              | whitening
            clinic | отбелить зубы                            | whitening
            clinic | нужен осмотр                             | consultation
            clinic | консультацию врача                       | consultation
            clinic | кансультация                             | consultation
            garage | замена масла                             | oil
            garage | поменять масло                           | oil
            garage | шиномонтаж                               | tires
            garage | переобуть резину                         | tires
            garage | диагностику подвески                     | diagnostics
            garage | диагностека                              | diagnostics
            """)
    void findsTheCatalogueItem(String tenant, String text, String code) {
        assertThat(service(tenant, text)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}: «{1}»")
    @CsvSource(delimiter = '|', textBlock = """
            salon  | отменить запись
            salon  | мастер свободен?
            salon  | болят ноги
            salon  | красиво получилось
            salon  | украшения на ногтях
            salon  | сколько стоит?
            salon  | спасибо, до свидания
            salon  | окно есть?
            salon  | чистка зубов
            clinic | в каком отделе?
            clinic | можете посмотреть окошко?
            clinic | смотреть не на что
            clinic | чистый кабинет
            clinic | стрижка
            clinic | зуб болит
            garage | масса вопросов
            garage | машина не заводится
            """)
    void findsNothingInOrdinaryOrForeignWords(String tenant, String text) {
        // «украшения на ногтях» names nails: that one is manicure, the decoration word itself must not be coloring
        String found = service(tenant, text);
        if (text.contains("ногтях")) {
            assertThat(found).isEqualTo("manicure");
        } else {
            assertThat(found).isNull();
        }
    }

    @Test
    void everyServiceIsListedWithItsSpanAndTheFirstFillsTheSummary() {
        String text = "Маникюр и педикюр, а потом стрижку";
        Extraction e = extractor.extract(text, TestTenants.SALON, TestTenants.WEDNESDAY);
        assertThat(e.entities()).filteredOn(x -> x.type().equals(Entity.SERVICE))
                .extracting(Entity::value, Entity::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("manicure", "Маникюр"),
                        org.assertj.core.groups.Tuple.tuple("pedicure", "педикюр"),
                        org.assertj.core.groups.Tuple.tuple("haircut", "стрижку"));
        assertThat(e.summary().service()).isEqualTo("manicure");
        Entity haircut = e.entities().get(2);
        assertThat(text.substring(haircut.start(), haircut.end())).isEqualTo("стрижку");
    }

    @Test
    void aKeywordOfSeveralWordsSpansThemAll() {
        Entity oil = extractor.extract("нужна замена масла", TestTenants.GARAGE, TestTenants.WEDNESDAY).entities()
                .get(0);
        assertThat(oil.text()).isEqualTo("замена масла");
    }
}
