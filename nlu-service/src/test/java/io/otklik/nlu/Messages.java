package io.otklik.nlu;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.MessageReceived;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds message_received events as ingest-service publishes them, and reads this service's tables for asserts. */
final class Messages {

    /** Wednesday 2026-11-25 10:00 in Moscow. */
    static final Instant SALON_MORNING = Instant.parse("2026-11-25T07:00:00Z");

    private Messages() {
    }

    static EventEnvelope<MessageReceived> received(String tenantId, String text, Instant receivedAt) {
        String conversation = "conv-" + UUID.randomUUID();
        MessageReceived data = new MessageReceived(UUID.randomUUID(), conversation, Channel.WHATSAPP,
                "106540352242922", "wamid." + UUID.randomUUID(), new Contact("79161234567", "Иван", "+79161234567"),
                text, receivedAt.minusSeconds(2), receivedAt, null);
        return EventEnvelope.of(EventTypes.MESSAGE_RECEIVED, "ingest-service", receivedAt, tenantId, conversation,
                data);
    }

    /** The rows of a query with one parameter, each row as its columns' values. */
    static List<List<Object>> rows(String jdbcUrl, String user, String sql, Object parameter) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
