package io.otklik.crm;

import io.otklik.events.EventEnvelope;
import io.otklik.events.EventTypes;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.Utm;
import io.otklik.testkit.InfraEnv;
import io.otklik.testkit.OtklikInfraResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Events as routing-service publishes them, Bitrix24 answers, and a look into the service's test database. */
public final class TestData {

    public static final String TENANT = "demo-salon";
    public static final String WEBHOOK_PATH = "/rest/1/testcode";
    static final String DATABASE = OtklikInfraResource.databaseName("otklik_crm_test");

    private TestData() {
    }

    public static EventEnvelope<LeadCreated> leadCreated(Channel channel, Contact contact, Utm utm) {
        UUID leadId = UUID.randomUUID();
        String conversation = UUID.randomUUID().toString();
        LeadCreated data = new LeadCreated(leadId, conversation, "client-" + leadId, channel, contact, utm,
                "BOOK", "Хочет записаться на стрижку 26.11 в 15:00, мастер Анна", false,
                Instant.now().minusSeconds(30));
        return EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", Instant.now(), TENANT, conversation, data);
    }

    public static EventEnvelope<LeadCreated> whatsAppLead() {
        return leadCreated(Channel.WHATSAPP, new Contact("79161234567", "Иван", "+79161234567"),
                new Utm("instagram", null, null, null, null));
    }

    public static EventEnvelope<AppointmentBooked> booked(LeadCreated lead) {
        AppointmentBooked data = new AppointmentBooked(UUID.randomUUID(), lead.conversationId(), lead.leadId(),
                lead.clientId(), lead.channel(), "106540352242922", lead.contact(), "haircut", "Стрижка", "anna",
                "Анна", Instant.parse("2026-11-26T12:00:00Z"), Instant.parse("2026-11-26T13:00:00Z"),
                "Europe/Moscow");
        return EventEnvelope.of(EventTypes.APPOINTMENT_BOOKED, "routing-service", Instant.now(), TENANT,
                lead.conversationId(), data);
    }

    public static EventEnvelope<AppointmentConfirmed> confirmed(LeadCreated lead) {
        AppointmentConfirmed data = new AppointmentConfirmed(UUID.randomUUID(), lead.conversationId(), lead.leadId(),
                Instant.parse("2026-11-26T12:00:00Z"), Instant.now(), "reminder_reply");
        return EventEnvelope.of(EventTypes.APPOINTMENT_CONFIRMED, "routing-service", Instant.now(), TENANT,
                lead.conversationId(), data);
    }

    /** A Bitrix24 lead id no other test uses. */
    public static long crmLeadId() {
        return ThreadLocalRandom.current().nextLong(100_000, 2_000_000_000L);
    }

    /** The {@code time} block Bitrix24 adds to every answer. */
    public static String answer(String result) {
        return "{\"result\":" + result + ",\"time\":{\"start\":1764064800.12,\"finish\":1764064800.31,"
                + "\"duration\":0.19,\"processing\":0.05,\"date_start\":\"2026-11-25T13:00:00+03:00\","
                + "\"date_finish\":\"2026-11-25T13:00:00+03:00\",\"operating_reset_at\":1764065400,"
                + "\"operating\":0.05}}";
    }

    /** Rows of a query on the service's database, columns by name. */
    public static List<Map<String, Object>> rows(String sql, Object... params) {
        Properties props = new Properties();
        props.setProperty("user", InfraEnv.get().pgUser());
        try (Connection c = DriverManager.getConnection(InfraEnv.get().jdbcUrl(DATABASE), props);
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
