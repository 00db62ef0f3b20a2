package io.otklik.crm.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.LeadStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Bitrix24StatusMapTest {

    static final Map<String, String> NONE = Map.of();

    @ParameterizedTest(name = "{0}/{1} confirmed={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "NEW, P, false, NEW",
            "IN_PROCESS, P, false, IN_PROCESSING",
            "PROCESSED, P, false, IN_PROCESSING",
            "IN_PROCESS, P, true, CONFIRMED",
            "CONVERTED, S, false, WON",
            "JUNK, F, false, LOST",
            "UC_NO_SHOW, F, false, NO_SHOW",
            "UC_CALLBACK, P, false, IN_PROCESSING",
            "UC_CALLBACK, P, true, CONFIRMED",
            "UC_PAID, S, false, WON",
            "UC_SPAM, F, false, LOST",
            "UC_ODD, -, false, -",
            "-, P, false, -",
            // a lead moved back to NEW keeps its old confirmed field: it is NEW
            "NEW, P, true, NEW"})
    void theStandardStatusesMapAndCustomOnesFallBackToTheirSemantics(String statusId, String semantic,
                                                                     boolean confirmed, LeadStatus expected) {
        assertThat(Bitrix24StatusMap.toOurs(NONE, "UC_NO_SHOW", statusId, semantic, confirmed)).isEqualTo(expected);
    }

    @Test
    void theTenantsStatusIdsComeFirst() {
        Map<String, String> own = Map.of("CONFIRMED", "UC_CONFIRMED", "NoShow", "UC_NOSHOW_X", "lost", "JUNK2",
                "InProcess", "PROCESSED", "NONSENSE", "NEW");
        assertThat(Bitrix24StatusMap.toOurs(own, "UC_NO_SHOW", "UC_CONFIRMED", "P", false))
                .isEqualTo(LeadStatus.CONFIRMED);
        assertThat(Bitrix24StatusMap.toOurs(own, "UC_NO_SHOW", "UC_NOSHOW_X", "F", false))
                .isEqualTo(LeadStatus.NO_SHOW);
        assertThat(Bitrix24StatusMap.toOurs(own, "UC_NO_SHOW", "JUNK2", "P", false)).isEqualTo(LeadStatus.LOST);
        assertThat(Bitrix24StatusMap.toOurs(own, "UC_NO_SHOW", "PROCESSED", "P", true))
                .isEqualTo(LeadStatus.CONFIRMED);
        // an unknown key is ignored, the standard meaning stays
        assertThat(Bitrix24StatusMap.toOurs(own, "UC_NO_SHOW", "NEW", "P", false)).isEqualTo(LeadStatus.NEW);
    }
}
