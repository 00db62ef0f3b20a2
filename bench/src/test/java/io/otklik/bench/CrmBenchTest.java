package io.otklik.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ./otklik bench crm: its options and its last line. */
class CrmBenchTest {

    @Test
    void options() {
        CrmBench.Options defaults = CrmBench.parse(new String[0]);
        assertThat(defaults.leads()).isEqualTo(2000);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.portBase()).isEqualTo(18080);
        CrmBench.Options o = CrmBench.parse(new String[] {"--leads", "300", "--timeout", "90s", "--fakes-port", "1"});
        assertThat(o.leads()).isEqualTo(300);
        assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.fakesPort()).isEqualTo(1);
        assertThatThrownBy(() -> CrmBench.parse(new String[] {"--leads", "0"})).hasMessageContaining("--leads");
        assertThatThrownBy(() -> CrmBench.parse(new String[] {"--rps", "5"})).hasMessageContaining("--rps");
        assertThatThrownBy(() -> CrmBench.parse(new String[] {"--leads"})).hasMessageContaining("needs a value");
    }

    @Test
    void theLastLine() {
        CrmBench.Report report = new CrmBench.Report(2000, 21.5, 100, 0, 0);
        assertThat(report.opsPerSecond()).isCloseTo(93.02, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.line()).isEqualTo(
                "crm: ops_per_s=93.0 ceiling_ops_per_s=100 ratio=0.93 limiter_errors=0 duplicates=0");
        assertThat(new CrmBench.Report(10, 0, 100, 3, 1).line()).isEqualTo(
                "crm: ops_per_s=0.0 ceiling_ops_per_s=100 ratio=0.00 limiter_errors=3 duplicates=1");
    }

    @Test
    void leadsAreValidLeadCreatedEventsOfTheDemoSalon() {
        var event = CrmBench.lead(7);
        assertThat(event.type()).isEqualTo("lead_created");
        assertThat(event.tenantId()).isEqualTo("demo-salon");
        assertThat(event.data().contact().phone()).isEqualTo("+79160000007");
        assertThat(event.subject()).isEqualTo(event.data().conversationId());
    }
}
