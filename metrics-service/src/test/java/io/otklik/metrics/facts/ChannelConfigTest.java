package io.otklik.metrics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The one incoming channel must list every event topic: a topic added to the events must be added here too. */
class ChannelConfigTest {

    @Test
    void theAllEventsChannelListsEveryTopic() throws IOException {
        Properties props = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        String prefix = "mp.messaging.incoming." + AllEventsListener.CHANNEL + ".";
        assertThat(Arrays.stream(props.getProperty(prefix + "topics").split(",")).map(String::strip).toList())
                .containsExactlyElementsOf(Topics.all());
        // both can be set from the environment (./otklik metrics-rebuild); these are the defaults
        assertThat(props.getProperty(prefix + "failure-strategy"))
                .isEqualTo("${OTKLIK_METRICS_FAILURE_STRATEGY:dead-letter-queue}");
        assertThat(props.getProperty(prefix + "group.id")).isEqualTo("${OTKLIK_METRICS_GROUP:metrics-service}");
        assertThat(props.getProperty("%test." + prefix + "group.id")).isEqualTo("metrics-service-test");
        assertThat(props.getProperty(prefix + "auto.offset.reset")).isEqualTo("earliest");
    }
}
