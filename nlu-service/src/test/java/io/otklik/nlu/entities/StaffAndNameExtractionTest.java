package io.otklik.nlu.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Entities;
import io.otklik.platform.tenant.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff members asked for, by name or alias in any case, and the client's own name. */
class StaffAndNameExtractionTest {

    final EntityExtractor extractor = new EntityExtractor();

    Entities salon(String text) {
        return extractor.extract(text, TestTenants.SALON, TestTenants.WEDNESDAY).summary();
    }

    Entities on(Tenant tenant, String text) {
        return extractor.extract(text, tenant, TestTenants.WEDNESDAY).summary();
    }

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            хочу к Анне                              | anna
            к Анечке на стрижку                      | anna
            у Ани есть окошко?                       | anna
            можно с Анной?                           | anna
            Анну можно?                              | anna
            а Аня завтра работает?                   | anna
            к анне                                   | anna
            к Екатерине на маникюр                   | katya
            к Ольге                                  | olga
            запишите к Марине                        | marina
            """)
    void salonStaff(String text, String staffId) {
        assertThat(salon(text).staff()).isEqualTo(staffId);
    }

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            к доктору Петрову                        | dr-petrov
            можно к Петрову на чистку?               | dr-petrov
            к доктору петрову                        | dr-petrov
            к Сергею                                 | sergey
            Ирина, здравствуйте                      | irina
            """)
    void clinicStaff(String text, String staffId) {
        assertThat(on(TestTenants.CLINIC, text).staff()).isEqualTo(staffId);
    }

    @Test
    void theStaffSpanIncludesTheTitle() {
        Extraction e = extractor.extract("Хочу к доктору Петрову", TestTenants.CLINIC, TestTenants.WEDNESDAY);
        assertThat(e.entities()).filteredOn(x -> x.type().equals(Entity.STAFF)).singleElement()
                .satisfies(x -> {
                    assertThat(x.text()).isEqualTo("доктору Петрову");
                    assertThat(x.value()).isEqualTo("dr-petrov");
                });
    }

    @Test
    void aNameThatIsAlsoAWordCountsInLowerCaseOnlyAfterAPreposition() {
        assertThat(on(TestTenants.GARAGE, "к Вере").staff()).isEqualTo("vera");
        assertThat(on(TestTenants.GARAGE, "к вере").staff()).isEqualTo("vera");
        assertThat(on(TestTenants.GARAGE, "вера в лучшее").staff()).isNull();
        assertThat(on(TestTenants.GARAGE, "у Димы свободно?").staff()).isEqualTo("dmitry");
        assertThat(on(TestTenants.GARAGE, "к Дмитрию").staff()).isEqualTo("dmitry");
    }

    @Test
    void noStaffInOtherNamesOrWords() {
        assertThat(salon("к Катерине").staff()).as("not an alias of Екатерина").isNull();
        assertThat(salon("анализ").staff()).isNull();
        assertThat(salon("Маринад").staff()).isNull();
        assertThat(salon("хочу на стрижку").staff()).isNull();
    }

    @ParameterizedTest(name = "«{0}» -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            меня зовут Катя                              | Катя
            Меня зовут Катя, хочу к Анечке               | Катя
            меня зовут анна                              | Анна
            Здравствуйте, меня зовут Ольга Петрова!      | Ольга Петрова
            моё имя Наталья                              | Наталья
            Имя: Ольга                                   | Ольга
            Это Ольга                                    | Ольга
            это Ольга, хочу перенести                    | Ольга
            Это Марина, хочу перенести                   | Марина
            Добрый день! Это Светлана                    | Светлана
            это Анжелика, здравствуйте                   | Анжелика
            Здравствуйте, я Ирина, можно на завтра?      | Ирина
            Я Павел                                      | Павел
            я ксюша, записывалась на пятницу             | Ксюша
            Марина, 89161234567                          | Марина
            Марина 8 916 123-45-67, стрижка              | Марина
            Запишите на маникюр. Ольга, +7 916 123 45 67 | Ольга
            89161234567 Ольга                            | Ольга
            +7 916 123-45-67, Ольга Петрова              | Ольга Петрова
            С уважением, Наталья                         | Наталья
            """)
    void clientNames(String text, String name) {
        assertThat(salon(text).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "«{0}»")
    @CsvSource(delimiter = '|', textBlock = """
            Я хочу записаться
            Я Не смогу прийти
            это срочно
            Это Я
            Это Анна?
            Мне нравится, как это Анна делает
            хочу к Анне
            Анна, добрый день, можно к вам завтра?
            Здравствуйте, Анна! Можно записаться?
            запишите меня, 89161234567
            Спасибо, Марина
            """)
    void noClientNameFromStaffOrOrdinaryWords(String text) {
        assertThat(salon(text).name()).isNull();
    }

    @Test
    void theClientsNameIsNeverTakenForAStaffMemberNorTheReverse() {
        Entities e = salon("Меня зовут Анна, хочу к Анне");
        assertThat(e.name()).isEqualTo("Анна");
        assertThat(e.staff()).isEqualTo("anna");
        e = salon("Марина, 89161234567");
        assertThat(e.name()).isEqualTo("Марина");
        assertThat(e.staff()).as("a signature, not Марина of the staff").isNull();
        e = salon("Это Ольга, можно к Ане?");
        assertThat(e.name()).isEqualTo("Ольга");
        assertThat(e.staff()).isEqualTo("anna");
        e = salon("хочу к Анне");
        assertThat(e.name()).isNull();
        assertThat(e.staff()).isEqualTo("anna");
    }
}
