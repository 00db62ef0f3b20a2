package io.otklik.ingest.api;

import io.otklik.events.data.Utm;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads conversations back from {@code inbound_message} and {@code outbound_message}: one page at a time with a
 * keyset cursor (tenant, conversation, time, direction, id), so an export of any size holds one page in memory.
 */
@ApplicationScoped
public class ConversationStore {

    /** Both tables as one ordered sequence; an outbound row takes the client of its conversation's last inbound. */
    private static final String MESSAGES = """
            select * from (
              select i.tenant_id, i.conversation_id, i.received_at as at, 'in' as direction, i.id::text as id,
                     i.channel, i.channel_account_id, i.channel_user_id, i.display_name, i.phone, i.text,
                     coalesce(i.message_type, 'text') as message_type, null::text as kind, null::text as status,
                     i.utm::text as utm, null::text as in_reply_to, i.sent_at, null::text as error_code
              from inbound_message i
              where %1$s
              union all
              select o.tenant_id, o.conversation_id, o.requested_at, 'out', o.reply_id::text,
                     o.channel, o.channel_account_id, c.channel_user_id, c.display_name, c.phone, o.text,
                     null, o.kind, o.status, null, o.in_reply_to::text, o.sent_at, o.error_code
              from outbound_message o
              left join lateral (select channel_user_id, display_name, phone from inbound_message c
                                 where c.tenant_id = o.tenant_id and c.conversation_id = o.conversation_id
                                 order by c.received_at desc limit 1) c on true
              where %2$s
            ) m
            """;

    private static final String EXPORT_PAGE = MESSAGES.formatted(
            "($1::text is null or i.tenant_id = $1) and i.received_at >= $2 and i.received_at < $3",
            "($1::text is null or o.tenant_id = $1) and o.requested_at >= $2 and o.requested_at < $3") + """
            where (m.tenant_id, m.conversation_id, m.at, m.direction, m.id) > ($4, $5, $6, $7, $8)
            order by m.tenant_id, m.conversation_id, m.at, m.direction, m.id
            limit $9""";

    private static final String ONE_CONVERSATION = MESSAGES.formatted(
            "i.tenant_id = $1 and i.conversation_id = $2", "o.tenant_id = $1 and o.conversation_id = $2") + """
            order by m.at desc, m.direction desc, m.id desc
            limit $3""";

    private static final String TENANT_OF = """
            select tenant_id from inbound_message where conversation_id = $1
            union all
            select tenant_id from outbound_message where conversation_id = $1
            limit 1""";

    private final Pool pool;
    private final int pageSize;

    public ConversationStore(Pool pool, @ConfigProperty(name = "otklik.export.page-size", defaultValue = "500")
            int pageSize) {
        this.pool = pool;
        this.pageSize = pageSize;
    }

    /** Every message of the range, in order of conversation then time, read page by page as it is consumed. */
    public Multi<ConversationLine> export(String tenantId, Instant from, Instant to) {
        AtomicReference<ConversationLine> cursor = new AtomicReference<>();
        return Multi.createBy().repeating()
                .uni(() -> cursor, c -> page(tenantId, from, to, c.get()).invoke(page -> {
                    if (!page.isEmpty()) {
                        c.set(page.get(page.size() - 1));
                    }
                }))
                .until(List::isEmpty)
                .onItem().<ConversationLine>disjoint();
    }

    private Uni<List<ConversationLine>> page(String tenantId, Instant from, Instant to, ConversationLine after) {
        Tuple args = Tuple.tuple()
                .addString(tenantId)
                .addOffsetDateTime(utc(from))
                .addOffsetDateTime(utc(to))
                .addString(after == null ? "" : after.tenantId())
                .addString(after == null ? "" : after.conversationId())
                .addOffsetDateTime(utc(after == null ? from : after.time()))
                .addString(after == null ? "" : after.direction())
                .addString(after == null ? "" : after.id())
                .addInteger(pageSize);
        return pool.preparedQuery(EXPORT_PAGE).execute(args).map(ConversationStore::lines);
    }

    /** The tenant a conversation belongs to, if it has any message. */
    public Uni<Optional<String>> tenantOf(String conversationId) {
        return pool.preparedQuery(TENANT_OF).execute(Tuple.of(conversationId))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty()
                        : Optional.of(rows.iterator().next().getString("tenant_id")));
    }

    /** The latest {@code limit} messages of one conversation, oldest first. */
    public Uni<List<ConversationLine>> conversation(String tenantId, String conversationId, int limit) {
        return pool.preparedQuery(ONE_CONVERSATION).execute(Tuple.of(tenantId, conversationId, limit))
                .map(ConversationStore::lines)
                .map(lines -> {
                    List<ConversationLine> ordered = new ArrayList<>(lines);
                    java.util.Collections.reverse(ordered);
                    return ordered;
                });
    }

    private static List<ConversationLine> lines(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<ConversationLine> lines = new ArrayList<>(rows.size());
        for (Row r : rows) {
            lines.add(new ConversationLine(r.getString("tenant_id"), r.getString("conversation_id"),
                    r.getString("channel"), r.getString("channel_account_id"), r.getString("direction"),
                    r.getString("id"), instant(r.getOffsetDateTime("at")), r.getString("text"),
                    r.getString("message_type"), r.getString("kind"), r.getString("status"),
                    r.getString("display_name"), r.getString("phone"), r.getString("channel_user_id"),
                    utm(r.getString("utm")), r.getString("in_reply_to"), instant(r.getOffsetDateTime("sent_at")),
                    r.getString("error_code")));
        }
        return lines;
    }

    private static Utm utm(String json) {
        if (json == null) {
            return null;
        }
        JsonObject o = new JsonObject(json);
        return new Utm(o.getString("source"), o.getString("medium"), o.getString("campaign"),
                o.getString("content"), o.getString("term"));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
