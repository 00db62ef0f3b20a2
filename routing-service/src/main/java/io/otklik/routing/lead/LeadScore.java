package io.otklik.routing.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lead Quality Score 1–5: one point to start with and one per signal present, capped at 5 (the table is in the
 * module README, "Lead Quality Score"). Pure.
 */
public final class LeadScore {

    /** Intents that show a wish to buy: a booking, a move of one, a price question. */
    static final Set<String> BUYING_INTENTS = Set.of("BOOK", "RESCHEDULE", "PRICE");

    private LeadScore() {
    }

    /**
     * What is known about the lead when it opens.
     *
     * @param intent  the intent acted on
     * @param phone   the client's phone is known (WhatsApp carries it; a client may write it)
     * @param service the client named a service
     * @param time    the client named a day or a time
     * @param ad      the client came from a campaign (a UTM source)
     * @param repeat  the client was known before
     * @param urgent  nlu flagged the request urgent
     */
    public record Input(String intent, boolean phone, boolean service, boolean time, boolean ad, boolean repeat,
                        boolean urgent) {
    }

    /**
     * @param value   1..5
     * @param signals the signals that scored, in the table's order (the names lead_created's schema allows)
     */
    public record Score(int value, List<String> signals) {
    }

    public static Score of(Input in) {
        List<String> signals = new ArrayList<>();
        if (in.intent() != null && BUYING_INTENTS.contains(in.intent())) {
            signals.add("intent");
        }
        if (in.phone()) {
            signals.add("phone");
        }
        if (in.service()) {
            signals.add("service");
        }
        if (in.time()) {
            signals.add("time");
        }
        if (in.ad()) {
            signals.add("ad");
        }
        if (in.repeat()) {
            signals.add("repeat");
        }
        if (in.urgent()) {
            signals.add("urgent");
        }
        return new Score(Math.min(5, 1 + signals.size()), List.copyOf(signals));
    }
}
