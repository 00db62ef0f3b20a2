package io.otklik.e2e.rebuild;

import io.otklik.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group has read the event topics: the topics' first and end offsets against the group's committed
 * offsets, read with the Kafka AdminClient. A group has consumed a partition up to an end offset once its committed
 * offset (the next record it will read) reaches it.
 */
public final class TopicOffsets implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    /** One partition's retained range: records {@code first} … {@code end - 1}. */
    public record Range(long first, long end) {
    }

    /** The event topics' partitions at one moment. */
    public record Snapshot(Map<TopicPartition, Range> partitions) {

        /** Records in the retained ranges of all partitions. */
        public long events() {
            return partitions.values().stream().mapToLong(r -> r.end() - r.first()).sum();
        }

        /** True when both snapshots have the same end offsets (nothing was published in between). */
        public boolean sameEnds(Snapshot other) {
            Map<TopicPartition, Long> mine = new HashMap<>();
            partitions.forEach((tp, r) -> mine.put(tp, r.end()));
            Map<TopicPartition, Long> theirs = new HashMap<>();
            other.partitions.forEach((tp, r) -> theirs.put(tp, r.end()));
            return mine.equals(theirs);
        }
    }

    /** A group's progress on one topic against a snapshot: {@code done} of {@code total} records consumed. */
    public record TopicProgress(String topic, long done, long total) {

        public boolean complete() {
            return done >= total;
        }
    }

    private final Admin admin;
    private final String bootstrap;

    private TopicOffsets(Admin admin, String bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    /**
     * Connects to the broker and checks it answers.
     *
     * @throws IllegalStateException naming the address when no broker answers within 15 s
     */
    public static TopicOffsets connect(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        Admin admin = Admin.create(p);
        TopicOffsets offsets = new TopicOffsets(admin, bootstrap);
        try {
            offsets.call(admin.describeCluster().clusterId());
        } catch (IllegalStateException e) {
            admin.close(Duration.ofSeconds(1));
            throw new IllegalStateException("no Kafka broker answers at " + bootstrap + " (" + e.getMessage()
                    + "): is ./otklik up running, or is --kafka right?", e);
        }
        return offsets;
    }

    /** The event topics (io.otklik.events.Topics.all()) that exist on the broker, in their usual order. */
    public List<String> eventTopics() {
        Set<String> existing = call(admin.listTopics().names());
        List<String> topics = new ArrayList<>();
        for (String t : Topics.all()) {
            if (existing.contains(t)) {
                topics.add(t);
            }
        }
        if (topics.isEmpty()) {
            throw new IllegalStateException("the broker at " + bootstrap + " has none of the event topics ("
                    + String.join(", ", Topics.all()) + ")");
        }
        return topics;
    }

    /** The first and end offsets of every partition of the topics, now. */
    public Snapshot snapshot(List<String> topics) {
        Map<String, TopicDescription> described = call(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = call(admin.listOffsets(earliest).all());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = call(admin.listOffsets(latest).all());
        Map<TopicPartition, Range> ranges = new HashMap<>();
        first.forEach((tp, info) -> ranges.put(tp, new Range(info.offset(), end.get(tp).offset())));
        return new Snapshot(ranges);
    }

    /** The group's committed offsets (absent: nothing committed on that partition). */
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                call(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((tp, om) -> {
            if (om != null) {
                committed.put(tp, om.offset());
            }
        });
        return committed;
    }

    /** Per topic (in the snapshot's topics), how many of its retained records the group has consumed. */
    public List<TopicProgress> progress(String group, Snapshot target) {
        Map<TopicPartition, Long> committed = committed(group);
        Map<String, long[]> byTopic = new TreeMap<>();
        target.partitions().forEach((tp, range) -> {
            long at = Math.max(range.first(), Math.min(range.end(), committed.getOrDefault(tp, range.first())));
            long[] sums = byTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
            sums[0] += at - range.first();
            sums[1] += range.end() - range.first();
        });
        List<TopicProgress> progress = new ArrayList<>();
        for (String topic : Topics.all()) {
            long[] sums = byTopic.get(topic);
            if (sums != null) {
                progress.add(new TopicProgress(topic, sums[0], sums[1]));
            }
        }
        return progress;
    }

    /**
     * Waits until the group has consumed every partition up to the snapshot's end offsets, reporting progress every
     * {@code every} (the total and each unfinished topic on one line) and each topic once it is done.
     *
     * @throws IllegalStateException when the group is not there within {@code timeout}
     */
    public void awaitConsumed(String group, Snapshot target, Duration timeout, Duration every, String label,
                              Consumer<String> progress) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + every.toNanos();
        Set<String> reportedDone = new java.util.HashSet<>();
        while (true) {
            List<TopicProgress> now = progress(group, target);
            for (TopicProgress t : now) {
                if (t.complete() && reportedDone.add(t.topic()) && t.total() > 0) {
                    progress.accept(String.format("%s: %-24s %d/%d done", label, t.topic(), t.done(), t.total()));
                }
            }
            long done = now.stream().mapToLong(TopicProgress::done).sum();
            long total = now.stream().mapToLong(TopicProgress::total).sum();
            if (now.stream().allMatch(TopicProgress::complete)) {
                progress.accept(String.format("%s: all %d topics consumed to their end offsets: %d/%d events"
                        + " (%.1f s)", label, now.size(), done, total, (System.nanoTime() - started) / 1e9));
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("%s: group %s consumed only %d of %d events within"
                        + " %d s; unfinished: %s", label, group, done, total, timeout.toSeconds(),
                        now.stream().filter(t -> !t.complete()).map(t -> t.topic() + " " + t.done() + "/"
                                + t.total()).toList()));
            }
            if (System.nanoTime() >= nextReport) {
                nextReport += every.toNanos();
                progress.accept(String.format("%s: %d/%d events (%d%%), %.0f s; reading %s", label, done, total,
                        total == 0 ? 100 : done * 100 / total, (System.nanoTime() - started) / 1e9,
                        String.join(", ", now.stream().filter(t -> !t.complete())
                                .map(t -> t.topic() + " " + t.done() + "/" + t.total()).toList())));
            }
            Thread.sleep(500);
        }
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer within " + CALL_TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
