package io.otklik.metrics.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.otklik.events.Topics;
import io.otklik.metrics.load.SpecialistLoad;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The numbers of one slice of the facts (the whole window, or one channel, source, campaign, arm or period), by the
 * definitions of the metrics. Every formula is here; {@link ReportCalculator} only decides which facts form a slice.
 *
 * @param conversations   distinct conversations of {@code message_received}
 * @param messages        {@code message_received} events
 * @param fallbackRate    fallback classifications / classifications (seed target 3–10 %)
 * @param chatToLead      leads / conversations (seed target 10–25 %)
 * @param confirmedShare  confirmed / booked
 * @param noShowRate      no-shows / booked
 * @param ttfr            time to first response of the conversations first answered in the slice (target &lt; 5 s)
 * @param ttfrBot         the same for answers the bot sent on its own
 * @param ttfrHuman       the same for answers a person approved first (sandbox drafts)
 * @param intentAccuracy  the model's intent against what managers said, on the messages they reviewed
 * @param leadQuality     the lead quality score (1–5) of the slice's leads (seed target: mean ≥ 3)
 * @param specialistLoad  booked minutes / working minutes of the tenant's specialists (seed 004: 55 % → 78 %); only
 *                        for one tenant's whole window and its periods, without a channel filter (else null, and
 *                        left out of the JSON)
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Figures(long conversations, long messages, long leads, long booked, long confirmed, long cancelled,
                      long rescheduled, long noShow, long repliesSent, long repliesFailed, double fallbackRate,
                      double chatToLead, double confirmedShare, double noShowRate, Ttfr ttfr, Ttfr ttfrBot,
                      Ttfr ttfrHuman, IntentAccuracy intentAccuracy, LeadQuality leadQuality,
                      @JsonInclude(JsonInclude.Include.NON_NULL) SpecialistLoad specialistLoad) {

    /** Seed 000: the first answer should reach the client within 5 seconds. */
    public static final Duration FIRST_RESPONSE_TARGET = Duration.ofSeconds(5);

    public static final Figures EMPTY = of(List.of(), List.of());

    /**
     * Time to first response in milliseconds; percentiles are nearest-rank ({@link LatencySummary}).
     *
     * @param under5sShare share answered in under 5 s (the seed's target)
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Ttfr(long count, Long p50Ms, Long p90Ms, Long p99Ms, Long maxMs,
                       @JsonProperty("under_5s_share") double under5sShare, Long meanMs) {

        static Ttfr of(Collection<Long> millis) {
            LatencySummary s = LatencySummary.of(millis, FIRST_RESPONSE_TARGET);
            return new Ttfr(s.count(), s.p50Ms(), s.p90Ms(), s.p99Ms(), s.maxMs(), s.underShare(), s.meanMs());
        }
    }

    /**
     * Intent accuracy on reviewed messages: a message reviewed several times counts once, with its latest label.
     *
     * @param reviewed messages managers labelled ({@code intent_feedback})
     * @param correct  of those, the ones where the model's intent was the manager's
     * @param accuracy correct / reviewed (0 when none was reviewed)
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IntentAccuracy(long reviewed, long correct, double accuracy) {
    }

    /**
     * The lead quality score of the leads created in the slice.
     *
     * @param scored       leads with a score 1–5
     * @param mean         their mean score, null when none
     * @param distribution leads per score, "1" to "5", zeros included
     */
    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LeadQuality(long scored, Double mean, Map<String, Long> distribution) {
    }

    public Figures withSpecialistLoad(SpecialistLoad load) {
        return new Figures(conversations, messages, leads, booked, confirmed, cancelled, rescheduled, noShow,
                repliesSent, repliesFailed, fallbackRate, chatToLead, confirmedShare, noShowRate, ttfr, ttfrBot,
                ttfrHuman, intentAccuracy, leadQuality, load);
    }

    /** The numbers of the given facts and first responses (already restricted to the slice). */
    public static Figures of(Collection<FactRow> rows, Collection<FirstResponse> firstResponses) {
        Set<FactRow.ConversationKey> conversations = new HashSet<>();
        long[] n = new long[Type.values().length];
        long fallbacks = 0;
        long[] scores = new long[6];
        long scoreSum = 0;
        Map<List<String>, FactRow> feedback = new HashMap<>();
        for (FactRow row : rows) {
            Type type = Type.of(row.type());
            if (type == null) {
                continue;
            }
            n[type.ordinal()]++;
            switch (type) {
                case MESSAGE -> {
                    if (row.conversation() != null) {
                        conversations.add(row.conversation());
                    }
                }
                case CLASSIFIED -> fallbacks += row.fallback() ? 1 : 0;
                case LEAD -> {
                    Integer score = row.qualityScore();
                    if (score != null && score >= 1 && score <= 5) {
                        scores[score]++;
                        scoreSum += score;
                    }
                }
                case FEEDBACK -> {
                    if (row.messageId() != null) {
                        // the latest label of a message counts (a manager may correct their own review)
                        feedback.merge(List.of(row.tenantId(), row.messageId()), row,
                                (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a);
                    }
                }
                default -> {
                    // counted above
                }
            }
        }
        long correct = feedback.values().stream().filter(f -> f.predictedIntent() != null
                && f.predictedIntent().equalsIgnoreCase(String.valueOf(f.correctIntent()))).count();
        long scored = scores[1] + scores[2] + scores[3] + scores[4] + scores[5];
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int s = 1; s <= 5; s++) {
            distribution.put(Integer.toString(s), scores[s]);
        }
        long booked = n[Type.BOOKED.ordinal()];
        long classified = n[Type.CLASSIFIED.ordinal()];
        long leads = n[Type.LEAD.ordinal()];
        return new Figures(conversations.size(), n[Type.MESSAGE.ordinal()], leads, booked,
                n[Type.CONFIRMED.ordinal()], n[Type.CANCELLED.ordinal()], n[Type.RESCHEDULED.ordinal()],
                n[Type.NO_SHOW.ordinal()], n[Type.SENT.ordinal()], n[Type.FAILED.ordinal()],
                Rates.ratio(fallbacks, classified), Rates.ratio(leads, conversations.size()),
                Rates.ratio(n[Type.CONFIRMED.ordinal()], booked), Rates.ratio(n[Type.NO_SHOW.ordinal()], booked),
                Ttfr.of(firstResponses.stream().map(FirstResponse::responseMs).toList()),
                Ttfr.of(firstResponses.stream().filter(f -> !f.human()).map(FirstResponse::responseMs).toList()),
                Ttfr.of(firstResponses.stream().filter(FirstResponse::human).map(FirstResponse::responseMs).toList()),
                new IntentAccuracy(feedback.size(), correct, Rates.ratio(correct, feedback.size())),
                new LeadQuality(scored, scored == 0 ? null : (double) scoreSum / scored, distribution), null);
    }

    /** The event types the figures count. */
    enum Type {
        MESSAGE(Topics.MESSAGE_RECEIVED), CLASSIFIED(Topics.MESSAGE_CLASSIFIED), LEAD(Topics.LEAD_CREATED),
        BOOKED(Topics.APPOINTMENT_BOOKED), CONFIRMED(Topics.APPOINTMENT_CONFIRMED),
        CANCELLED(Topics.APPOINTMENT_CANCELLED), RESCHEDULED(Topics.APPOINTMENT_RESCHEDULED), NO_SHOW(Topics.NO_SHOW),
        SENT(Topics.REPLY_SENT), FAILED(Topics.REPLY_FAILED), FEEDBACK(Topics.INTENT_FEEDBACK);

        private static final Map<String, Type> BY_TOPIC = new HashMap<>();

        static {
            for (Type t : values()) {
                BY_TOPIC.put(t.topic, t);
            }
        }

        final String topic;

        Type(String topic) {
            this.topic = topic;
        }

        static Type of(String topic) {
            return topic == null ? null : BY_TOPIC.get(topic.toLowerCase(Locale.ROOT));
        }

        /** Every topic the report reads. */
        static List<String> topics() {
            return java.util.Arrays.stream(values()).map(t -> t.topic).toList();
        }
    }
}
