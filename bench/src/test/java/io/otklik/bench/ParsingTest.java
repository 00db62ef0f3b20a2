package io.otklik.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsingTest {

    @Test
    void durationsAndOptions() {
        assertThat(BenchMain.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchMain.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchMain.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchMain.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> BenchMain.duration("soon")).isInstanceOf(IllegalArgumentException.class);
        BenchMain.Options o = BenchMain.parse(new String[] {"ingest", "--duration", "10s", "--rate", "120"});
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.rate()).isEqualTo(120.0);
        assertThat(o.p99Target()).isEqualTo(Duration.ofMillis(15));
        assertThat(BenchMain.parse(new String[] {"ingest"}).rate()).isNull();
        assertThatThrownBy(() -> BenchMain.parse(new String[] {"ingest", "--fast", "1"}))
                .hasMessageContaining("--fast");
    }

    @Test
    void externalMessageIdOfAnEvent() {
        assertThat(KafkaCounter.externalMessageId("{\"messageId\":\"m\",\"channel\":\"WHATSAPP\","
                + "\"externalMessageId\":\"wamid.BENCHX.run.1\",\"text\":\"a\"}")).isEqualTo("wamid.BENCHX.run.1");
        assertThat(KafkaCounter.externalMessageId("{\"other\":1}")).isNull();
    }

    @Test
    void procStatAndPrometheusText() {
        // pid (comm with space) state ppid … utime=150 stime=50 cutime=10 cstime=0 ticks
        String stat = "42 (java x) S 1 42 42 0 -1 4194304 100 0 0 0 150 50 10 0 20 0 30 0 1 2 3";
        assertThat(CpuTimes.statSeconds(stat)).isEqualTo(2.1, org.assertj.core.data.Offset.offset(1e-9));
        Map<String, Double> m = Prometheus.parse("""
                # TYPE http_server_requests_seconds summary
                http_server_requests_seconds_count{method="POST",status="200",uri="/webhooks/whatsapp"} 10.0
                http_server_requests_seconds_count{method="GET",status="200",uri="/q/health/live"} 5.0
                http_server_requests_seconds_sum{method="POST",status="200",uri="/webhooks/whatsapp"} 0.05
                """);
        assertThat(Prometheus.delta(Map.of(), m, "http_server_requests_seconds_count",
                l -> l.contains("/webhooks/whatsapp"))).isEqualTo(10.0);
        assertThat(Prometheus.sum(m, "http_server_requests_seconds_sum", l -> true)).isEqualTo(0.05);
    }
}
