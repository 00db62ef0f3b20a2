package io.otklik.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    private static final long MS = 1_000_000;

    @Test
    void requestsAreDueAtStartPlusIndexOverRate() {
        OpenLoop loop = new OpenLoop(1_000 * MS, 200, 1_000 * MS); // 200/s for 1 s: one every 5 ms
        assertThat(loop.total()).isEqualTo(200);
        assertThat(loop.intendedNanos(0)).isEqualTo(1_000 * MS);
        assertThat(loop.intendedNanos(3)).isEqualTo(1_015 * MS);
        List<Long> sent = new ArrayList<>();
        assertThat(loop.due(999 * MS, sent::add)).isZero();
        assertThat(loop.due(1_000 * MS, sent::add)).isEqualTo(1);
        assertThat(loop.nextNanos()).isEqualTo(1_005 * MS);
    }

    @Test
    void aSenderThatFellBehindGetsTheBacklogWithTheOriginalIntendedTimes() {
        OpenLoop loop = new OpenLoop(0, 100, 1_000 * MS); // one every 10 ms
        List<Long> sent = new ArrayList<>();
        loop.due(0, sent::add);
        // the sender stalled for 45 ms: the four requests it missed keep their own times (latency counts the stall)
        assertThat(loop.due(45 * MS, sent::add)).isEqualTo(4);
        assertThat(sent).containsExactly(0L, 10 * MS, 20 * MS, 30 * MS, 40 * MS);
        assertThat(loop.issued()).isEqualTo(5);
    }

    @Test
    void theScheduleEndsAfterTheDuration() {
        OpenLoop loop = new OpenLoop(0, 3, 2_000 * MS);
        List<Long> sent = new ArrayList<>();
        loop.due(Long.MAX_VALUE / 2, sent::add);
        assertThat(sent).hasSize(6);
        assertThat(loop.done()).isTrue();
        assertThat(loop.nextNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(loop.due(Long.MAX_VALUE / 2, sent::add)).isZero();
    }

    @Test
    void latencyIsMeasuredFromTheIntendedTimeAndIntervalsAddUpToTheTotal() {
        LatencyRecorder recorder = new LatencyRecorder();
        // 98 quick answers, then two delayed by a 200 ms stall: a closed-loop tool would record the stall once
        for (int i = 0; i < 98; i++) {
            recorder.record(i * 10 * MS, i * 10 * MS + 2 * MS);
        }
        assertThat(recorder.interval().getTotalCount()).isEqualTo(98);
        recorder.record(980 * MS, 1_180 * MS);
        recorder.record(990 * MS, 1_181 * MS);
        var total = recorder.total();
        assertThat(total.getTotalCount()).isEqualTo(100);
        assertThat(LatencyRecorder.millis(total, 50)).isBetween(1.99, 2.01);
        assertThat(LatencyRecorder.millis(total, 99)).isBetween(190.9, 191.3);
        assertThat(LatencyRecorder.millis(total, 100)).isBetween(199.8, 200.2);
        assertThat(recorder.interval().getTotalCount()).isZero();
    }
}
