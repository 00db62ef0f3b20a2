package io.otklik.metrics.report;

import io.otklik.events.data.Channel;
import java.util.Map;

/**
 * What a conversation's events say of it, taken in the order of the events' own time (so the result does not depend
 * on the order they arrived in, and a rebuilt store gives the same numbers): the first channel, the first UTM source
 * and campaign, and for each experiment the first arm named.
 */
public record ConversationInfo(Channel channel, String utmSource, String utmCampaign, Map<String, String> variants) {

    public static final ConversationInfo UNKNOWN = new ConversationInfo(null, null, null, Map.of());

    public ConversationInfo {
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }
}
