package io.otklik.ingest;

import io.agroal.api.AgroalDataSource;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Button;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.Template;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the outbound tests share: building reply_requested events, writing the client's last message, reading rows. */
abstract class OutboundTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String WA_NUMBER = "106540352242922";
    static final String IG_ACCOUNT = "17841400000000000";

    @Inject
    AgroalDataSource db;

    static String digits(String prefix) {
        return prefix + (1_000_000 + (int) (Math.random() * 8_999_999));
    }

    static EventEnvelope<ReplyRequested> reply(String tenant, Channel channel, String account, Contact to,
                                               String text, Template template, List<Button> buttons) {
        String conversation = UUID.randomUUID().toString();
        ReplyRequested data = new ReplyRequested(UUID.randomUUID(), conversation, channel, account, to, text,
                ReplyKind.ANSWER, UUID.randomUUID(), Instant.now().minusMillis(700), template, buttons);
        return EventEnvelope.of(EventTypes.REPLY_REQUESTED, "routing-service", Instant.now(), tenant, conversation,
                data);
    }

    /** The client's last message in the conversation, written as the inbound side stores it. */
    void clientWrote(EventEnvelope<ReplyRequested> reply, Duration ago) {
        ReplyRequested r = reply.data();
        Instant at = Instant.now().minus(ago);
        update("""
                insert into inbound_message (id, tenant_id, channel, channel_account_id, external_message_id,
                    conversation_id, channel_user_id, text, sent_at, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), reply.tenantId(), r.channel().name(),
                r.channelAccountId(), "in-" + UUID.randomUUID(), r.conversationId(), r.recipient().channelUserId(),
                "Здравствуйте", Timestamp.from(at.minusSeconds(1)), Timestamp.from(at));
    }

    int update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbound_message row of a reply (column name → value), or an empty map. */
    Map<String, Object> row(UUID replyId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select * from outbound_message where reply_id = ?")) {
            s.setObject(1, replyId);
            try (ResultSet rs = s.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
