package io.otklik.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning in the background (no consumer group: it takes every partition) and keeps the
 * {@code externalMessageId} of every event whose id starts with the run's prefix.
 */
public final class KafkaCounter implements AutoCloseable {

    private static final String FIELD = "\"externalMessageId\":\"";

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Exception failure;

    public KafkaCounter(String bootstrap, String topic, String prefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        thread = new Thread(() -> consume(props, topic, prefix), "bench-kafka-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void consume(Properties props, String topic, String prefix) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitions = List.of();
            while (running && partitions.isEmpty()) {
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    partitions = List.of(); // a busy broker: ask again
                }
                if (partitions.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    String id = externalMessageId(r.value());
                    if (id != null && id.startsWith(prefix)) {
                        ids.add(id);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** The event's externalMessageId (the services write compact JSON), or null. */
    static String externalMessageId(String json) {
        if (json == null) {
            return null;
        }
        int at = json.indexOf(FIELD);
        if (at < 0) {
            return null;
        }
        int from = at + FIELD.length();
        int to = json.indexOf('"', from);
        return to < 0 ? null : json.substring(from, to);
    }

    /** How many distinct ids with this prefix were seen. */
    public long count(String prefix) {
        if (failure != null) {
            throw new IllegalStateException("reading Kafka failed: " + failure, failure);
        }
        return ids.stream().filter(id -> id.startsWith(prefix)).count();
    }

    /**
     * Waits until {@code expected} ids with the prefix were seen, or nothing new arrived for {@code quiet}, or
     * {@code timeout} passed; returns the count.
     */
    public long await(String prefix, long expected, Duration timeout, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long now = count(prefix);
            if (now >= expected || System.nanoTime() > deadline) {
                return now;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                return now;
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
