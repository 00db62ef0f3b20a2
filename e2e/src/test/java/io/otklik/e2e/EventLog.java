package io.otklik.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of the watched topics from the beginning, in arrival order, read by a consumer of its own group on a
 * background thread (the end-to-end tests' broker is their own). Records that are not JSON are skipped: a
 * poison-message test may put such a thing on a topic.
 */
final class EventLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record: its position in the log, topic, key and the event envelope. */
    record Event(int index, String topic, String key, JsonNode envelope) {

        JsonNode data() {
            return envelope.path("data");
        }
    }

    private final List<Event> all = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    /**
     * @param name   names the consumer group (with a random suffix) and the thread
     * @param topics the topics to watch
     */
    EventLog(String bootstrap, String name, Pattern topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, name + "-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(topics);
        poller = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            JsonNode envelope = JSON.readTree(r.value());
                            synchronized (all) {
                                all.add(new Event(all.size(), r.topic(), r.key(), envelope));
                            }
                        } catch (IOException e) {
                            // not an event: skip it
                        }
                    }
                }
            }
        }, name + "-events");
        poller.setDaemon(true);
        poller.start();
    }

    int size() {
        synchronized (all) {
            return all.size();
        }
    }

    /** The events of a topic from position {@code index} on. */
    List<Event> since(int index, String topic) {
        synchronized (all) {
            return all.subList(Math.min(index, all.size()), all.size()).stream()
                    .filter(e -> e.topic().equals(topic)).toList();
        }
    }

    /** The data of every event of a topic so far. */
    List<JsonNode> all(String topic) {
        return since(0, topic).stream().map(Event::data).toList();
    }

    long count(String topic) {
        return all(topic).size();
    }

    Map<String, Long> countBy(String topic, Function<JsonNode, String> key) {
        return all(topic).stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(5000);
    }
}
