package io.otklik.nlu.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.otklik.nlu.classifier.EmbeddedClassifier;
import io.otklik.nlu.classifier.LlmClassifier;
import io.otklik.nlu.classifier.Understander;
import io.otklik.nlu.entities.EntityExtractor;
import io.otklik.nlu.model.FallbackPolicy;
import io.otklik.nlu.model.IntentModel;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/** Wires the classifier: the embedded model trained at build time, and the optional per-tenant LLM in front of it. */
@ApplicationScoped
public class ClassifierProducer {

    private static final Logger LOG = Logger.getLogger(ClassifierProducer.class);

    @Produces
    @ApplicationScoped
    EmbeddedClassifier embedded(NluConfig config) {
        return new EmbeddedClassifier(IntentModel.load(), new EntityExtractor(),
                new FallbackPolicy(config.fallbackThreshold(), config.minMargin()));
    }

    @Produces
    @ApplicationScoped
    Understander understander(EmbeddedClassifier embedded, TenantRegistry tenants, MeterRegistry meters,
                              ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        return new Understander(embedded, new LlmClassifier(http, json), tenants::secret, meters);
    }

    /**
     * Classifies one sample per tenant at start-up, so the model, libphonenumber's metadata and the JIT are warm
     * before the first client message.
     */
    void warmUp(@Observes StartupEvent startup, EmbeddedClassifier classifier, TenantRegistry tenants) {
        tenants.all().forEach(tenant -> classifier.classify(
                "Здравствуйте, хочу записаться на завтра в 15:00, +7 916 123-45-67", tenant,
                ZonedDateTime.now(tenant.zone())));
        LOG.infof("embedded classifier %s ready; LLM configured for %s", classifier.modelVersion(),
                tenants.all().stream().filter(t -> t.nlu().llm() != null).map(t -> t.id()).toList());
    }
}
