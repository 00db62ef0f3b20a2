package io.otklik.crm.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The application-token check of Bitrix24's outbound webhooks. */
class Bitrix24TokenTest {

    @Test
    void onlyTheExactTokenMatches() {
        assertThat(Bitrix24EventService.tokenMatches("51856fefc120afa4b628cc82d3935cce",
                "51856fefc120afa4b628cc82d3935cce")).isTrue();
        assertThat(Bitrix24EventService.tokenMatches("51856fefc120afa4b628cc82d3935cce",
                "51856fefc120afa4b628cc82d3935ccf")).isFalse();
        assertThat(Bitrix24EventService.tokenMatches("51856fefc120afa4b628cc82d3935cce", "51856f")).isFalse();
        assertThat(Bitrix24EventService.tokenMatches("51856fefc120afa4b628cc82d3935cce", null)).isFalse();
        assertThat(Bitrix24EventService.tokenMatches(null, "anything")).isFalse();
        assertThat(Bitrix24EventService.tokenMatches("", "")).isFalse();
    }
}
