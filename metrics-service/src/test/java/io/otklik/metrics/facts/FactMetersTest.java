package io.otklik.metrics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otklik.events.Topics;
import io.otklik.events.data.Channel;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FactMetersTest {

    @Test
    void tenantsOutsideTenantsYamlShareOneLabelValue() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FactMeters meters = new FactMeters(registry, Set.of("demo-salon")::contains);
        Instant now = Instant.parse("2026-03-02T09:00:00Z");
        for (String tenant : new String[] {"demo-salon", "x-1", "x-2", "x-3"}) {
            Fact answer = new Fact(UUID.randomUUID(), tenant, Topics.REPLY_SENT, "c", now, "c", Channel.TELEGRAM,
                    new Fact.Answer(UUID.randomUUID(), now.minusMillis(500), now, 500));
            meters.counted(answer);
            meters.firstResponse(answer);
        }
        // three unknown tenants: one series each for "other", not three
        assertThat(registry.find(FactMeters.EVENTS).counters()).hasSize(2);
        assertThat(registry.get(FactMeters.EVENTS).tag(FactMeters.TAG_TENANT, FactMeters.OTHER_TENANT).counter()
                .count()).isEqualTo(3.0);
        assertThat(registry.get(FactMeters.FIRST_RESPONSE).tag(FactMeters.TAG_TENANT, "demo-salon").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(FactMeters.FIRST_RESPONSE).tag(FactMeters.TAG_TENANT, FactMeters.OTHER_TENANT)
                .timer().count()).isEqualTo(3);
    }
}
