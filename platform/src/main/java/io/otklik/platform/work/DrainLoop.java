package io.otklik.platform.work;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a batch job (relay the outbox, work off sync tasks) until it is idle, one run at a time per process so the
 * order of the work holds. {@link #wakeUp()} starts a run right away — after a commit that created work — on a fresh
 * Vert.x context marked safe for Hibernate Reactive, since the caller may still hold its own session; a wake-up
 * during a run makes that run go once more. {@link #tick()} is for the owner's {@code @Scheduled} safety net.
 */
public final class DrainLoop {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);

    private final String name;
    private final Vertx vertx;
    private final Supplier<Uni<Integer>> batch;
    private final IntPredicate moreAfter;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * @param name      for log lines ("outbox relay")
     * @param batch     one batch: the number of items it handled
     * @param moreAfter whether a batch that handled this many items may have left work behind
     */
    public DrainLoop(String name, Vertx vertx, Supplier<Uni<Integer>> batch, IntPredicate moreAfter) {
        this.name = name;
        this.vertx = vertx;
        this.batch = batch;
        this.moreAfter = moreAfter;
    }

    public void wakeUp() {
        SafeContext.run(vertx, this::drain).subscribe().with(done -> { }, this::warn);
    }

    /** A run for a scheduler: never fails, so the schedule goes on. */
    public Uni<Void> tick() {
        return drain().replaceWithVoid().onFailure().invoke(this::warn).onFailure().recoverWithNull();
    }

    /** No more runs: the application is shutting down and its connections are closing. */
    public void stop() {
        stopped = true;
    }

    /** Runs batches until idle; returns how many items were handled. */
    public Uni<Integer> drain() {
        if (stopped) {
            return Uni.createFrom().item(0);
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        again.set(false);
        return batch.get()
                .onTermination().invoke(() -> draining.set(false))
                .flatMap(done -> moreAfter.test(done) || again.get() ? drain().map(more -> done + more)
                        : Uni.createFrom().item(done));
    }

    private void warn(Throwable failure) {
        LOG.warnf("%s failed, retrying on the next tick: %s", name, failure.toString());
    }
}
