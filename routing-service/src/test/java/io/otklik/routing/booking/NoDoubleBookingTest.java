package io.otklik.routing.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The database itself refuses overlapping appointments of one specialist (exclusion constraint of V2), under
 * concurrent transactions on the real PostgreSQL: {@link AppointmentStore#book} takes no advisory lock, so nothing but
 * the constraint stands between the parallel attempts.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_routing_test"))
class NoDoubleBookingTest {

    static final int ATTEMPTS = 8;

    @Inject
    AppointmentStore store;

    static AppointmentStore.NewAppointment appointment(String tenant, String staff, Instant start, int minutes) {
        return new AppointmentStore.NewAppointment(UUID.randomUUID(), tenant, null, null, "client-" + UUID.randomUUID(),
                "haircut", staff, start, start.plus(Duration.ofMinutes(minutes)), Instant.now());
    }

    boolean book(AppointmentStore.NewAppointment a) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> store.book(a)));
    }

    long active(String tenant) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select count(*) from appointment where tenant_id = :tenant"
                                + " and status <> 'CANCELLED'", Long.class)
                        .setParameter("tenant", tenant).getSingleResult())));
    }

    @Test
    void ofParallelAttemptsOnOneSpecialistsSlotExactlyOneSucceeds() throws Throwable {
        String tenant = "concurrency-" + UUID.randomUUID();
        Instant start = Instant.parse("2030-03-04T10:00:00Z");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            // the same slot, or one overlapping it by a quarter of an hour
            AppointmentStore.NewAppointment a = appointment(tenant, "anna", start.plus(Duration.ofMinutes(i % 3 * 15)),
                    60);
            Callable<Boolean> attempt = () -> {
                go.await();
                try {
                    return book(a);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            };
            results.add(pool.submit(attempt));
        }
        go.countDown();
        List<Boolean> booked = new ArrayList<>();
        for (Future<Boolean> f : results) {
            booked.add(f.get());
        }
        pool.shutdown();
        assertThat(booked).containsOnlyOnce(true).hasSize(ATTEMPTS);
        assertThat(active(tenant)).isEqualTo(1);
    }

    @Test
    void touchingOtherStaffCancelledAndOtherTenantsDoNotConflictAndAMoveIsChecked() throws Throwable {
        String tenant = "overlap-" + UUID.randomUUID();
        Instant ten = Instant.parse("2030-03-05T10:00:00Z");
        AppointmentStore.NewAppointment first = appointment(tenant, "anna", ten, 60);
        assertThat(book(first)).isTrue();
        assertThat(book(appointment(tenant, "anna", ten.plus(Duration.ofMinutes(60)), 60))).as("touching").isTrue();
        assertThat(book(appointment(tenant, "katya", ten, 60))).as("another specialist").isTrue();
        assertThat(book(appointment("other-" + tenant, "anna", ten, 60))).as("another tenant").isTrue();
        assertThat(book(appointment(tenant, "anna", ten.plus(Duration.ofMinutes(30)), 60))).as("overlap").isFalse();

        // a cancelled appointment frees its slot
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> store.cancel(tenant, first.id(), Instant.now())));
        AppointmentStore.NewAppointment again = appointment(tenant, "anna", ten, 60);
        assertThat(book(again)).isTrue();

        // moving onto the 11:00 visit is refused by the database, the appointment stays where it was
        AppointmentStore.Move move = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> store.move(tenant, again.id(), ten.plus(Duration.ofMinutes(30)),
                        ten.plus(Duration.ofMinutes(90)), null)));
        assertThat(move).isEqualTo(AppointmentStore.Move.SLOT_TAKEN);
        AppointmentStore.Row row = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> store.find(tenant, again.id())));
        assertThat(row.startsAt()).isEqualTo(ten);
        // the transaction survives the refusal: a write after it in the same transaction commits
        boolean later = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> store.book(appointment(tenant, "anna", ten, 60))
                        .chain(taken -> store.book(appointment(tenant, "anna", ten.plus(Duration.ofHours(5)), 60))
                                .map(ok -> !taken && ok))));
        assertThat(later).isTrue();
        assertThat(active(tenant)).isEqualTo(4);
    }

    @Test
    void aPlainOverlappingInsertFailsWithTheExclusionViolation() throws Throwable {
        String tenant = "raw-" + UUID.randomUUID();
        Instant ten = Instant.parse("2030-03-06T10:00:00Z");
        assertThat(book(appointment(tenant, "anna", ten, 60))).isTrue();
        Throwable failure = null;
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("""
                                    insert into appointment (id, tenant_id, client_id, service_code, staff_id, starts_at,
                                        ends_at, status, created_at)
                                    values (gen_random_uuid(), :tenant, 'c', 'haircut', 'anna', :from, :to, 'BOOKED',
                                        now())""")
                            .setParameter("tenant", tenant)
                            .setParameter("from", ten.plus(Duration.ofMinutes(59)))
                            .setParameter("to", ten.plus(Duration.ofMinutes(119)))
                            .executeUpdate())));
        } catch (Throwable t) {
            failure = t;
        }
        assertThat(failure).isNotNull();
        assertThat(AppointmentStore.exclusionViolation(failure)).as("SQLSTATE 23P01 in %s", failure).isTrue();
        assertThat(active(tenant)).isEqualTo(1);
    }
}
