package io.otklik.platform.inbox;

import io.otklik.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Remembers which events a consumer has processed; must run in the transaction that processes the event. */
@ApplicationScoped
public class Inbox {

    /** True the first time this consumer sees the event, false for a redelivery. */
    public Uni<Boolean> claim(String consumer, EventEnvelope<?> event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into inbox (consumer, event_id, tenant_id, event_type) values (:consumer, :id, :tenant, :type)"
                                + " on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("tenant", event.tenantId())
                .setParameter("type", event.type())
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
