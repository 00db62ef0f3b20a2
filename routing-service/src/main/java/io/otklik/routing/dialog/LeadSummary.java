package io.otklik.routing.dialog;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The short Russian summary a manager reads first, e.g. "Запись: Стрижка 26.11 15:00; WhatsApp; клиент новый".
 * Pure.
 */
public final class LeadSummary {

    private LeadSummary() {
    }

    /**
     * @param decision the decision taken on the message that opens the lead (its booking or pending parts name the
     *                 service and time)
     */
    public static String of(Tenant tenant, Decision decision, Channel channel, boolean repeatClient, boolean urgent) {
        List<String> parts = new ArrayList<>(List.of(topic(tenant, decision), RussianText.channel(channel),
                repeatClient ? "клиент повторный" : "клиент новый"));
        if (urgent) {
            parts.add("срочно");
        }
        return String.join("; ", parts);
    }

    /** What the client wants, e.g. "Запись: Стрижка 26.11 15:00". */
    public static String topic(Tenant tenant, Decision decision) {
        StringBuilder topic = new StringBuilder(label(decision.intent()));
        String details = details(tenant, decision);
        if (!details.isEmpty()) {
            topic.append(": ").append(details);
        }
        return topic.toString();
    }

    static String label(String intent) {
        return io.otklik.events.data.Intent.labelOf(intent);
    }

    private static String details(Tenant tenant, Decision decision) {
        List<String> parts = new ArrayList<>();
        if (decision.booking() != null) {
            Decision.Booking b = decision.booking();
            LocalDateTime local = LocalDateTime.ofInstant(b.startsAt(), tenant.zone());
            parts.add(b.serviceName());
            parts.add(RussianText.date(local.toLocalDate()));
            parts.add(RussianText.time(local.toLocalTime()));
            return String.join(" ", parts);
        }
        DialogState.Pending p = decision.pending();
        if (p.service() != null) {
            tenant.service(p.service()).ifPresent(s -> parts.add(s.name()));
        }
        LocalDate date = p.date();
        LocalTime time = p.time();
        if (date != null) {
            parts.add(RussianText.date(date));
        }
        if (time != null) {
            parts.add(RussianText.time(time));
        }
        return String.join(" ", parts);
    }
}
