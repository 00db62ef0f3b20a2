package io.otklik.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventSchemas;
import io.otklik.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test access to the real broker: publish events as a service would, and await events a service emitted. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** Publishes an event with the given key and waits for the broker's ack. */
    public static void send(EventEnvelope<?> event, String key) {
        sendRaw(event.type(), key, EventJson.write(event));
    }

    /** Publishes any text, valid or not, to a topic. */
    public static void sendRaw(String topic, String key, String value) {
        Properties props = new Properties();
        props.put("bootstrap.servers", InfraEnv.get().kafkaBootstrapServers());
        props.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** Starts listening on a topic from its current end: open it before the action that should emit. */
    public static Listener listen(String topic) {
        return new Listener(InfraEnv.get().kafkaBootstrapServers(), topic, false);
    }

    /**
     * Listens on a topic of another broker (one a test starts itself), from the beginning of every partition: for
     * events written while the listener could not be opened yet (store and forward across a broker outage).
     */
    public static Listener listenFromStart(String bootstrapServers, String topic) {
        return new Listener(bootstrapServers, topic, true);
    }

    /** A consumer positioned at the end of every partition of one topic when it was opened. */
    public static final class Listener implements AutoCloseable {

        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Listener(String bootstrapServers, String topic, boolean fromStart) {
            this.topic = topic;
            Properties props = new Properties();
            props.put("bootstrap.servers", bootstrapServers);
            props.put("group.id", "test-" + UUID.randomUUID());
            props.put("enable.auto.commit", "false");
            props.put("isolation.level", "read_committed");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            if (fromStart) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position); // resolve the offsets now, before the action
        }

        /**
         * Waits for an event of the type that matches, checks it against its JSON Schema, and returns it.
         *
         * @throws AssertionError when none arrives in time or the match violates its schema
         */
        public <D> Received<D> await(EventType<D> type, Predicate<EventEnvelope<D>> match, Duration timeout) {
            List<Received<D>> all = awaitCount(type, match, 1, timeout);
            return all.get(0);
        }

        /** Waits until {@code count} matching events have arrived; returns all matching events seen by then. */
        public <D> List<Received<D>> awaitCount(EventType<D> type, Predicate<EventEnvelope<D>> match, int count,
                                                Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                List<Received<D>> matching = new ArrayList<>();
                for (ConsumerRecord<String, String> record : seen) {
                    EventEnvelope<D> event = EventJson.read(record.value(), type);
                    if (match.test(event)) {
                        assertThat(EventSchemas.violations(record.value()))
                                .as("schema violations of %s emitted on %s", record.value(), topic).isEmpty();
                        matching.add(new Received<>(event, record.key(), record.value(), headers(record)));
                    }
                }
                if (matching.size() >= count) {
                    return matching;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + count + " matching " + type.topic() + " event(s) within "
                            + timeout + " but saw " + matching.size() + " of " + seen.size() + " on the topic");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
        }

        /**
         * Waits for any record (readable or not) whose value matches, e.g. a poison message on a dead-letter topic,
         * and returns it with its headers.
         */
        public Received<String> awaitRaw(Predicate<String> match, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                for (ConsumerRecord<String, String> record : seen) {
                    if (record.value() != null && match.test(record.value())) {
                        return new Received<>(null, record.key(), record.value(), headers(record));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no matching record on " + topic + " within " + timeout + "; saw "
                            + seen.size());
                }
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
        }

        /** Everything that arrived within the given time (for asserting that nothing more came). */
        public List<String> drain(Duration time) {
            long deadline = System.nanoTime() + time.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
            return seen.stream().map(ConsumerRecord::value).toList();
        }

        private static Map<String, String> headers(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            return headers;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** One event as it arrived: decoded (null for a raw record), with its key, raw JSON and headers. */
    public record Received<D>(EventEnvelope<D> event, String key, String json, Map<String, String> headers) {
    }
}
