package io.otklik.ingest.inbound;

import io.otklik.events.data.Channel;
import io.otklik.platform.db.Rows;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Finds the person behind a message: one client id per tenant for everything a person is known by (phone, WhatsApp
 * wa_id, Telegram chat id, Instagram IGSID, web form id). Runs inside the storing transaction. When a message links
 * addresses of two clients (a Telegram user shares the phone a WhatsApp client wrote from), the newer client is merged
 * into the older: its addresses and messages move, and it keeps {@code merged_into} so an id already sent out can be
 * followed.
 *
 * <p>Concurrency: {@link #lock} takes transaction-scoped advisory locks on every address of a webhook, in one global
 * order, before anything is read, so two webhooks naming the same address resolve one after the other; client rows
 * are read {@code for update} (in id order), so a concurrent merge is seen and followed.
 */
public final class Clients {

    /** An address of a client. */
    public record Identity(String kind, String value) {
    }

    private Clients() {
    }

    /** The phones a client typed into a messenger text (a form's phone is its own field, so forms have none). */
    public static List<String> typedPhones(Inbound m) {
        return m.channel() == Channel.WEB_FORM ? List.of() : Phones.findIn(m.text());
    }

    /**
     * The addresses a message names: its channel address, its phone, and the phones typed in its text.
     *
     * @param typedPhones {@link #typedPhones} of the message, found once by the caller
     */
    public static List<Identity> identities(Inbound m, List<String> typedPhones) {
        Set<Identity> ids = new LinkedHashSet<>();
        ids.add(new Identity(kind(m.channel()), m.contact().channelUserId()));
        if (m.contact().phone() != null) {
            ids.add(new Identity("phone", m.contact().phone()));
        }
        typedPhones.forEach(p -> ids.add(new Identity("phone", p)));
        return List.copyOf(ids);
    }

    static String kind(Channel channel) {
        return switch (channel) {
            case WHATSAPP -> "whatsapp";
            case TELEGRAM -> "telegram";
            case INSTAGRAM -> "instagram";
            case WEB_FORM -> "web";
        };
    }

    /**
     * Locks for the addresses of several messages (several tenants) at once, in one global order.
     *
     * @param identities the {@link #identities} of each message, in the same order
     */
    public static Uni<Void> lockAll(Mutiny.Session session, List<Inbound> messages, List<List<Identity>> identities) {
        TreeSet<Long> keys = new TreeSet<>();
        for (int m = 0; m < messages.size(); m++) {
            String tenantId = messages.get(m).tenantId();
            identities.get(m).forEach(i -> keys.add(lockKey(tenantId, i)));
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Literal longs (never user text); unnest yields them in array order, so locks are taken in one order.
        StringBuilder array = new StringBuilder();
        keys.forEach(k -> array.append(array.isEmpty() ? "" : ",").append(k));
        return session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(k) from unnest(cast(array["
                        + array + "] as bigint[])) as k) as locked", Long.class)
                .getSingleResult().replaceWithVoid();
    }

    /**
     * The client these addresses belong to, creating or merging as needed; every address is linked to it.
     * The caller holds the locks of {@link #lockAll}.
     */
    public static Uni<UUID> resolve(Mutiny.Session session, String tenantId, List<Identity> identities, Instant now) {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < identities.size(); i++) {
            where.append(i == 0 ? "" : " or ").append("(kind = :k").append(i).append(" and value = :v").append(i)
                    .append(')');
        }
        var query = session.createNativeQuery("select distinct client_id from client_identity where tenant_id = :t"
                + " and (" + where + ")", UUID.class).setParameter("t", tenantId);
        for (int i = 0; i < identities.size(); i++) {
            query.setParameter("k" + i, identities.get(i).kind()).setParameter("v" + i, identities.get(i).value());
        }
        return query.getResultList()
                .chain(found -> current(session, new TreeSet<>(found)))
                .chain(clients -> clients.isEmpty()
                        ? create(session, tenantId, now)
                        : merge(session, clients))
                .call(clientId -> link(session, tenantId, identities, clientId, now));
    }

    private record Row(UUID id, Instant createdAt) {
    }

    /** Locks the clients and follows merges until every id is a live client. */
    private static Uni<List<Row>> current(Mutiny.Session session, TreeSet<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createNativeQuery("select id, created_at, merged_into from client where id in (:ids)"
                        + " order by id for update", Object[].class)
                .setParameter("ids", List.copyOf(ids))
                .getResultList()
                .chain(rows -> {
                    TreeSet<UUID> next = new TreeSet<>();
                    List<Row> live = new ArrayList<>();
                    for (Object[] r : rows) {
                        if (r[2] != null) {
                            next.add((UUID) r[2]);
                        } else {
                            live.add(new Row((UUID) r[0], Rows.instant(r[1])));
                        }
                    }
                    if (next.isEmpty()) {
                        return Uni.createFrom().item(live);
                    }
                    live.forEach(r -> next.add(r.id()));
                    return current(session, next);
                });
    }

    private static Uni<UUID> create(Mutiny.Session session, String tenantId, Instant now) {
        UUID id = UUID.randomUUID();
        return session.createNativeQuery("insert into client (id, tenant_id, created_at) values (:id, :t, :now)")
                .setParameter("id", id).setParameter("t", tenantId).setParameter("now", now)
                .executeUpdate().replaceWith(id);
    }

    private static Uni<UUID> merge(Mutiny.Session session, List<Row> clients) {
        List<Row> sorted = new ArrayList<>(clients);
        sorted.sort(Comparator.comparing(Row::createdAt).thenComparing(Row::id));
        UUID keep = sorted.get(0).id();
        List<UUID> gone = sorted.stream().skip(1).map(Row::id).toList();
        if (gone.isEmpty()) {
            return Uni.createFrom().item(keep);
        }
        return session.createNativeQuery("update client set merged_into = :keep where id in (:gone)"
                        + " or merged_into in (:gone)")
                .setParameter("keep", keep).setParameter("gone", gone).executeUpdate()
                .chain(() -> session.createNativeQuery("update client_identity set client_id = :keep"
                                + " where client_id in (:gone)")
                        .setParameter("keep", keep).setParameter("gone", gone).executeUpdate())
                .chain(() -> session.createNativeQuery("update inbound_message set client_id = :keep"
                                + " where client_id in (:gone)")
                        .setParameter("keep", keep).setParameter("gone", gone).executeUpdate())
                .replaceWith(keep);
    }

    private static Uni<Void> link(Mutiny.Session session, String tenantId, List<Identity> identities, UUID clientId,
                                  Instant now) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < identities.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:t, :k").append(i).append(", :v").append(i)
                    .append(", :c, :now)");
        }
        var insert = session.createNativeQuery("insert into client_identity (tenant_id, kind, value, client_id,"
                        + " created_at) values " + values + " on conflict (tenant_id, kind, value) do nothing")
                .setParameter("t", tenantId).setParameter("c", clientId).setParameter("now", now);
        for (int i = 0; i < identities.size(); i++) {
            insert.setParameter("k" + i, identities.get(i).kind()).setParameter("v" + i, identities.get(i).value());
        }
        return insert.executeUpdate().replaceWithVoid();
    }

    private static long lockKey(String tenantId, Identity identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (tenantId + '|' + identity.kind() + '|' + identity.value()).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
