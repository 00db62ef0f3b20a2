package io.otklik.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phonesInAnyNotationAreMaskedInsideText() {
        assertThat(Masking.text("звоните 8 (916) 123-45-67 или +7 916 765 43 21, а лучше 9161112233"))
                .isEqualTo("звоните +7916*****67 или +7916*****21, а лучше +7916*****33");
        assertThat(Masking.text("стрижка 1500 руб, 26.11 в 15:00")).isEqualTo("стрижка 1500 руб, 26.11 в 15:00");
    }

    @Test
    void theNameAndItsRussianCaseFormsAreMasked() {
        assertThat(Masking.text("Иван Петров просил передать: Ивану перезвонить, спросите Петрова",
                "Иван Петров")).isEqualTo("И*** П*** просил передать: И*** перезвонить, спросите П***");
        assertThat(Masking.text("ИВАН пишет, Иванов не родственник", "Иван"))
                .isEqualTo("И*** пишет, И*** не родственник");
        assertThat(Masking.text("Приветствую", "Иван")).isEqualTo("Приветствую");
        assertThat(Masking.text("текст", (String) null)).isEqualTo("текст");
    }

    @Test
    void aUserIdThatIsAPhoneIsMaskedAMessengerIdIsNot() {
        assertThat(Masking.userId("79161234567", "+79161234567")).isEqualTo("+7916*****67");
        assertThat(Masking.userId("123456789", null)).isEqualTo("123456789");
        assertThat(Masking.userId("form:abc", null)).isEqualTo("form:abc");
    }
}
