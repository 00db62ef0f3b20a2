package io.otklik.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * routing-service opened a lead for a conversation.
 *
 * @param leadId         our lead id (Bitrix24 ORIGIN_ID, amoCRM request_id)
 * @param conversationId the client's thread
 * @param clientId       routing-service's client id (repeat clients share it)
 * @param channel        where the client came from
 * @param contact        the client
 * @param utm            campaign tags
 * @param intent         what the client wants
 * @param summary        a short Russian summary for the manager
 * @param urgent         whether a person should answer now
 * @param firstMessageAt when the client's first message arrived
 * @param qualityScore   Lead Quality Score 1–5 (routing-service README, "Lead Quality Score"); null from older producers
 * @param qualitySignals the signals that scored, e.g. {@code phone}, {@code service}, {@code time}, {@code ad}
 * @param variants       the conversation's A/B arms: experiment id → variant name; empty (left out of the JSON) when
 *                       none
 */
@RegisterForReflection
public record LeadCreated(UUID leadId, String conversationId, String clientId, Channel channel, Contact contact,
                          Utm utm, String intent, String summary, boolean urgent, Instant firstMessageAt,
                          Integer qualityScore, List<String> qualitySignals,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variants,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String serviceCode,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String serviceName) {

    public LeadCreated {
        qualitySignals = qualitySignals == null ? List.of() : List.copyOf(qualitySignals);
        variants = Variants.copy(variants);
    }

    /** Without the service (older producers). */
    public LeadCreated(UUID leadId, String conversationId, String clientId, Channel channel, Contact contact,
                       Utm utm, String intent, String summary, boolean urgent, Instant firstMessageAt,
                       Integer qualityScore, List<String> qualitySignals, Map<String, String> variants) {
        this(leadId, conversationId, clientId, channel, contact, utm, intent, summary, urgent, firstMessageAt,
                qualityScore, qualitySignals, variants, null, null);
    }

    /** Without experiments. */
    public LeadCreated(UUID leadId, String conversationId, String clientId, Channel channel, Contact contact,
                       Utm utm, String intent, String summary, boolean urgent, Instant firstMessageAt,
                       Integer qualityScore, List<String> qualitySignals) {
        this(leadId, conversationId, clientId, channel, contact, utm, intent, summary, urgent, firstMessageAt,
                qualityScore, qualitySignals, null, null, null);
    }

    /** Without a quality score. */
    public LeadCreated(UUID leadId, String conversationId, String clientId, Channel channel, Contact contact, Utm utm,
                       String intent, String summary, boolean urgent, Instant firstMessageAt) {
        this(leadId, conversationId, clientId, channel, contact, utm, intent, summary, urgent, firstMessageAt, null,
                null, null, null, null);
    }
}
