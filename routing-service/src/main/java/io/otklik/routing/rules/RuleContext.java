package io.otklik.routing.rules;

import io.otklik.events.data.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Every fact a rule may look at, as plain values (computed by the dialog service; the engine looks nothing up).
 *
 * @param now                 the decision instant
 * @param zone                the tenant's time zone (time windows and weekdays are local)
 * @param responseTime        time since the client's first unanswered message
 * @param channel             where the client wrote
 * @param utmSource           the campaign source the client came with, or null (organic)
 * @param clientRepeat        the client was known before this conversation
 * @param intent              the intent acted on (BOOK, PRICE, …)
 * @param urgent              nlu flagged the message urgent
 * @param fallback            nlu was not sure what the client wants
 * @param segment             the tenant's segment (salon, clinic, fitness, services)
 * @param holiday             today is a holiday in the tenant's calendar
 * @param workday             today is a working day in the tenant's calendar
 * @param businessHours       the business is open now
 * @param specialistFreeIn    how soon a specialist for the requested service is free, or null when none is known
 * @param service             the requested service code, or null
 */
public record RuleContext(Instant now, ZoneId zone, Duration responseTime, Channel channel, String utmSource,
                          boolean clientRepeat, String intent, boolean urgent, boolean fallback, String segment,
                          boolean holiday, boolean workday, boolean businessHours, Duration specialistFreeIn,
                          String service) {

    public LocalDateTime local() {
        return LocalDateTime.ofInstant(now, zone);
    }
}
