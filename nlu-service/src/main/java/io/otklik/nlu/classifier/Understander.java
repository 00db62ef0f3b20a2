package io.otklik.nlu.classifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.otklik.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Understands a message for a tenant: through the tenant's LLM when it has one configured, answering with the
 * embedded model when the LLM is slower than its timeout (default 1.5 s), fails, or answers nonsense; otherwise
 * with the embedded model alone. Counts the LLM's outcomes ({@code otklik_nlu_llm_calls_total{outcome}}).
 */
public final class Understander {

    private static final Logger LOG = Logger.getLogger(Understander.class);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);

    private final EmbeddedClassifier embedded;
    private final LlmClassifier llm;
    private final java.util.function.Function<String, java.util.Optional<String>> secrets;
    private final MeterRegistry meters;

    /**
     * @param secrets resolves a secret reference ({@code apiKeyEnv}) to its value
     */
    public Understander(EmbeddedClassifier embedded, LlmClassifier llm,
                        java.util.function.Function<String, java.util.Optional<String>> secrets, MeterRegistry meters) {
        this.embedded = embedded;
        this.llm = llm;
        this.secrets = secrets;
        this.meters = meters;
    }

    /** The embedded model (entities, urgency and the fallback policy for an intent chosen elsewhere). */
    public EmbeddedClassifier embedded() {
        return embedded;
    }

    public Uni<Understanding> understand(String text, Tenant tenant, ZonedDateTime now) {
        Tenant.Llm config = tenant.nlu().llm();
        if (config == null) {
            return Uni.createFrom().item(() -> embedded.classify(text, tenant, now));
        }
        Duration timeout = config.timeoutMillis() != null ? Duration.ofMillis(config.timeoutMillis())
                : DEFAULT_TIMEOUT;
        String key = config.apiKeyEnv() == null ? null : secrets.apply(config.apiKeyEnv()).orElse(null);
        // the answer arrives on the HTTP client's thread; continue on the caller's Vert.x context (the database
        // session of the Kafka path lives there)
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        java.util.concurrent.Executor back = context == null ? Runnable::run
                : task -> context.runOnContext(ignored -> task.run());
        return Uni.createFrom().completionStage(() -> llm.ask(config, key, text, timeout))
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout.toMillis()
                        + " ms"))
                .map(answer -> {
                    count("ok");
                    return embedded.withIntent(text, tenant, now, answer.intent(), answer.confidence(),
                            answer.urgent(), "llm:" + config.model());
                })
                .onFailure().recoverWithItem(failure -> {
                    Throwable cause = failure.getCause() != null && !(failure instanceof TimeoutException)
                            && !(failure instanceof LlmClassifier.LlmException) ? failure.getCause() : failure;
                    String outcome = cause instanceof TimeoutException
                            || cause instanceof java.net.http.HttpTimeoutException ? "timeout" : "error";
                    count(outcome);
                    LOG.warnf("tenant=%s LLM %s %s (%s); the embedded model answers", tenant.id(), config.model(),
                            outcome, cause.getMessage());
                    return embedded.classify(text, tenant, now);
                })
                .emitOn(back);
    }

    private void count(String outcome) {
        meters.counter("otklik_nlu_llm_calls_total", "outcome", outcome).increment();
    }
}
