package io.otklik.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * The load generator's HTTP side: Vert.x core's client on one event loop with a pool of keep-alive HTTP/1.1
 * connections (cheap on a 2-core machine that also runs the suite). Two shapes of load: {@link #openLoop} (fixed
 * rate, latency from each request's intended time) and {@link #closedLoop} (N requests always in flight: the
 * throughput ceiling).
 */
public final class LoadClient implements AutoCloseable {

    /** One request to send. */
    public record Request(HttpMethod method, String uri, Map<String, String> headers, byte[] body) {
    }

    /** Tells from a 200's body whether the request did what it should (e.g. the webhook's message was accepted). */
    public interface Check {
        boolean ok(int status, Buffer body);
    }

    /**
     * What an open-loop phase did. {@code rejected}: answers other than a good 200; {@code failed}: no answer (a
     * connection error, or no connection or no answer within the 10 s timeout each — Meta would retry these).
     */
    public record Phase(String name, double targetRate, double seconds, long sent, long ok, long rejected,
                        long failed, Map<String, Long> statuses, Histogram latency, Histogram serviceTime) {

        /** Good answers per second of the schedule. */
        public double achievedRps() {
            return ok / seconds;
        }

        public double p(double percentile) {
            return LatencyRecorder.millis(latency, percentile);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final HttpClient client;
    private final Context context;
    private final String host;
    private final int port;

    public LoadClient(String baseUrl, int connections) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                        .setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(2_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.context = vertx.getOrCreateContext();
    }

    /**
     * Sends {@code rate} requests per second for {@code duration}, each at its intended time whatever the previous
     * ones did, then waits (up to the request timeout) for the answers still out.
     *
     * @param requests builds request number {@code i} (called on this thread, off the event loop)
     * @param progress gets a line every {@code every}
     */
    public Phase openLoop(String name, double rate, Duration duration, LongFunction<Request> requests, Check check,
                          Duration every, Consumer<String> progress) {
        LatencyRecorder latency = new LatencyRecorder();
        LatencyRecorder service = new LatencyRecorder();
        Counters c = new Counters();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        OpenLoop loop = new OpenLoop(start, rate, duration.toNanos());
        long[] seq = {0};
        long nextReport = start + every.toNanos();
        while (!loop.done()) {
            long now = System.nanoTime();
            loop.due(now, intended -> {
                Request r = requests.apply(seq[0]++);
                c.sent.increment();
                c.inflight.incrementAndGet();
                context.runOnContext(v -> send(r, intended, check, latency, service, c));
            });
            if (now >= nextReport) {
                progress.accept(progressLine(name, now - start, c, latency.interval()));
                nextReport += every.toNanos();
            }
            long wait = Math.min(loop.nextNanos(), nextReport) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        // a request may wait up to TIMEOUT for a pooled connection and then TIMEOUT for its answer
        long deadline = System.nanoTime() + 2 * TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(2);
        while (c.inflight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return new Phase(name, rate, duration.toNanos() / 1e9, c.sent.sum(), c.ok.sum(), c.rejected.sum(),
                c.failed.sum() + c.inflight.get(), new TreeMap<>(c.statusMap()), latency.total(), service.total());
    }

    private void send(Request r, long intended, Check check, LatencyRecorder latency, LatencyRecorder service,
                      Counters c) {
        long sentAt = System.nanoTime();
        RequestOptions options = new RequestOptions().setMethod(r.method()).setHost(host).setPort(port)
                .setURI(r.uri()).setConnectTimeout(TIMEOUT.toMillis()).setIdleTimeout(TIMEOUT.toMillis());
        r.headers().forEach(options::putHeader);
        client.request(options)
                .compose(req -> (r.body() == null ? req.send() : req.send(Buffer.buffer(r.body())))
                        .compose(resp -> resp.body().map(b -> check.ok(resp.statusCode(), b) ? -1
                                : resp.statusCode())))
                .onComplete(ar -> {
                    long done = System.nanoTime();
                    c.inflight.decrementAndGet();
                    if (ar.failed()) {
                        c.failed.increment();
                        c.status("error: " + ar.cause().getClass().getSimpleName());
                        return;
                    }
                    latency.record(intended, done);
                    service.record(sentAt, done);
                    if (ar.result() == -1) {
                        c.ok.increment();
                        c.status("200 ok");
                    } else {
                        c.rejected.increment();
                        c.status(ar.result() == 200 ? "200 not accepted" : Integer.toString(ar.result()));
                    }
                });
    }

    /**
     * Closed loop: keeps {@code concurrency} requests in flight (each answer triggers the next) for
     * {@code warmup + measure}, and returns the good answers per second completed during {@code measure}.
     */
    public double closedLoop(Request request, int concurrency, Duration warmup, Duration measure,
                             Consumer<String> progress) {
        long start = System.nanoTime();
        long from = start + warmup.toNanos();
        long to = from + measure.toNanos();
        LongAdder ok = new LongAdder();
        LongAdder bad = new LongAdder();
        AtomicLong inflight = new AtomicLong();
        for (int i = 0; i < concurrency; i++) {
            inflight.incrementAndGet();
            context.runOnContext(v -> loop(request, to, from, ok, bad, inflight));
        }
        while (inflight.get() > 0 && System.nanoTime() < to + TIMEOUT.toNanos()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        if (bad.sum() > 0) {
            progress.accept(bad.sum() + " ceiling requests failed or were not 200");
        }
        return ok.sum() / (measure.toNanos() / 1e9);
    }

    private void loop(Request r, long to, long from, LongAdder ok, LongAdder bad, AtomicLong inflight) {
        RequestOptions options = new RequestOptions().setMethod(r.method()).setHost(host).setPort(port)
                .setURI(r.uri()).setConnectTimeout(TIMEOUT.toMillis()).setIdleTimeout(TIMEOUT.toMillis());
        r.headers().forEach(options::putHeader);
        client.request(options)
                .compose(req -> req.send().compose(resp -> resp.body().map(b -> resp.statusCode())))
                .onComplete(ar -> {
                    long now = System.nanoTime();
                    boolean good = ar.succeeded() && ar.result() == 200;
                    if (now >= from && now < to) {
                        (good ? ok : bad).increment();
                    }
                    if (now < to) {
                        loop(r, to, from, ok, bad, inflight);
                    } else {
                        inflight.decrementAndGet();
                    }
                });
    }

    private static String progressLine(String name, long elapsedNanos, Counters c, Histogram interval) {
        return String.format(java.util.Locale.ROOT,
                "%s t=%2.0fs sent=%d acked=%d rejected=%d failed=%d in_flight=%d  last interval: p50=%.1fms"
                        + " p99=%.1fms max=%.1fms",
                name, elapsedNanos / 1e9, c.sent.sum(), c.ok.sum(), c.rejected.sum(), c.failed.sum(),
                c.inflight.get(), LatencyRecorder.millis(interval, 50), LatencyRecorder.millis(interval, 99),
                interval.getTotalCount() == 0 ? 0 : interval.getMaxValue() / 1000.0);
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }

    private static final class Counters {
        final LongAdder sent = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder failed = new LongAdder();
        final AtomicLong inflight = new AtomicLong();
        final ConcurrentHashMap<String, LongAdder> statuses = new ConcurrentHashMap<>();

        void status(String s) {
            statuses.computeIfAbsent(s, k -> new LongAdder()).increment();
        }

        Map<String, Long> statusMap() {
            Map<String, Long> m = new TreeMap<>();
            statuses.forEach((k, v) -> m.put(k, v.sum()));
            return m;
        }
    }
}
