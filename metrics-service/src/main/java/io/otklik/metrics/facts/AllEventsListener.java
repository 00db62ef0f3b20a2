package io.otklik.metrics.facts;

import io.otklik.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes every event topic on one channel and stores each event as a fact. An event that cannot be stored is nacked
 * towards the dead-letter topic of the topic it came from ({@code <topic>.dlq}): SmallRye's dead-letter strategy
 * sends to the topic named in the nack metadata, with the {@code dead-letter-reason} header, and then acks.
 */
@ApplicationScoped
public class AllEventsListener {

    public static final String CHANNEL = "all-events";
    /** Header naming the consumer that gave up, since every consumer group of a topic shares its dead-letter topic. */
    public static final String CONSUMER_HEADER = "dead-letter-consumer";
    private static final Logger LOG = Logger.getLogger(AllEventsListener.class);

    private final FactService facts;
    private final String consumer;

    public AllEventsListener(FactService facts,
                             @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.facts = facts;
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onEvent(Message<String> message) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic)
                .orElseThrow(() -> new IllegalStateException("a record without Kafka metadata on " + CHANNEL));
        return Uni.createFrom().deferred(() -> facts.record(topic, message.getPayload()))
                .onItemOrFailure().transformToUni((recorded, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.warnf("event on %s not stored, sent to %s: %s", topic, Topics.deadLetter(topic),
                            failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure, deadLetter(topic)));
                });
    }

    private Metadata deadLetter(String topic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        return Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withTopic(Topics.deadLetter(topic))
                .withHeaders(headers)
                .build());
    }
}
