package io.otklik.bench.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.e2e.Project;
import io.otklik.events.data.Intent;
import io.otklik.nlu.classifier.EmbeddedClassifier;
import io.otklik.nlu.classifier.Understanding;
import io.otklik.nlu.entities.EntityExtractor;
import io.otklik.nlu.model.FallbackPolicy;
import io.otklik.nlu.model.IntentModel;
import io.otklik.platform.tenant.Tenant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessageMixTest {

    @Test
    void theBenchmarkClassifiesAVariedMixOfAtLeastAHundredMessagesWithoutAnError() {
        MessageMix mix = MessageMix.load(Project.root());
        assertThat(mix.size()).isGreaterThanOrEqualTo(100);
        assertThat(mix.messages().stream().map(MessageMix.Message::text).distinct().count())
                .as("distinct texts, not one string repeated").isGreaterThanOrEqualTo(100);
        assertThat(mix.messages().stream().map(m -> m.tenant().id()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("demo-salon", "demo-clinic", "demo-fitness");

        EmbeddedClassifier classifier = new EmbeddedClassifier(IntentModel.load(), new EntityExtractor(),
                FallbackPolicy.DEFAULT);
        for (MessageMix.Message m : mix.messages()) {
            Understanding u = classifier.classify(m.text(), m.tenant(), m.now());
            assertThat(Arrays.stream(Intent.values()).map(Intent::name))
                    .as("intent of «%s»", m.text()).contains(u.classification().intent());
        }
    }

    @Test
    void eachMessageIsAtItsTenantsLocalReferenceTime() {
        for (MessageMix.Message m : MessageMix.load(Project.root()).messages()) {
            Tenant t = m.tenant();
            assertThat(m.now().getZone()).isEqualTo(t.zone());
            assertThat(m.now().toLocalDateTime()).isEqualTo(MessageMix.RECEIVED_AT);
        }
    }
}
