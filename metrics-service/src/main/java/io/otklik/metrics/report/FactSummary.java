package io.otklik.metrics.report;

import java.util.List;
import java.util.Map;

/**
 * Everything the store counted for one report (tenant, window and optional channel already applied); the input of
 * {@link ReportCalculator}.
 *
 * @param counts         events per type and channel
 * @param intents        classified messages per intent
 * @param utm            conversations and leads per UTM source
 * @param firstResponses the first responses sent in the window
 * @param variants       appointment events per experiment arm they name
 */
public record FactSummary(List<TypeCount> counts, Map<String, Long> intents, List<UtmCount> utm,
                          List<FirstResponse> firstResponses, List<VariantCount> variants) {

    public FactSummary {
        counts = List.copyOf(counts);
        intents = Map.copyOf(intents);
        utm = List.copyOf(utm);
        firstResponses = List.copyOf(firstResponses);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** Without experiment arms. */
    public FactSummary(List<TypeCount> counts, Map<String, Long> intents, List<UtmCount> utm,
                       List<FirstResponse> firstResponses) {
        this(counts, intents, utm, firstResponses, null);
    }
}
