package io.otklik.nlu.classify;

import io.otklik.nlu.classifier.IntentClassifier;
import io.otklik.nlu.classifier.KeywordClassifier;
import io.otklik.platform.tenant.TenantRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/** Chooses the classifier the service runs: the keyword baseline until a trained model is added. */
@ApplicationScoped
public class ClassifierProducer {

    private static final Logger LOG = Logger.getLogger(ClassifierProducer.class);

    @Produces
    @ApplicationScoped
    IntentClassifier classifier(NluConfig config) {
        return new KeywordClassifier(config.fallbackThreshold());
    }

    /**
     * Classifies one sample at start-up, so libphonenumber's metadata is loaded here and not on the event loop
     * handling the first client message.
     */
    void warmUp(@Observes StartupEvent startup, IntentClassifier classifier, TenantRegistry tenants) {
        tenants.all().stream().findFirst().ifPresent(tenant -> classifier.classify(
                "Здравствуйте, хочу записаться на завтра в 15:00, +7 916 123-45-67", tenant,
                ZonedDateTime.now(tenant.zone())));
        LOG.infof("classifier %s ready", classifier.model());
    }
}
