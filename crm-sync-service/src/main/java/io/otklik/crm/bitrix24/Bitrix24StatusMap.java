package io.otklik.crm.bitrix24;

import io.otklik.events.data.LeadStatus;
import java.util.Locale;
import java.util.Map;

/**
 * What a Bitrix24 lead's status means for us. The tenant's {@code crm.statuses} (our status name → the portal's
 * STATUS_ID) is looked at first, then the portal's standard ids: NEW → NEW, IN_PROCESS and PROCESSED → IN_PROCESSING,
 * CONVERTED → WON, JUNK → LOST, the configured no-show status → NO_SHOW; a custom status falls back to its
 * STATUS_SEMANTIC_ID (P in process, S success → WON, F failure → LOST). An in-process lead whose confirmed user field
 * is "Y" is CONFIRMED (that is how we write a confirmation: IN_PROCESS plus the field).
 */
public final class Bitrix24StatusMap {

    private Bitrix24StatusMap() {
    }

    /**
     * @param overrides   the tenant's crm.statuses
     * @param noShowId    the portal's no-show STATUS_ID when the tenant maps none
     * @param statusId    the lead's STATUS_ID
     * @param semanticId  the lead's STATUS_SEMANTIC_ID (may be null)
     * @param confirmed   whether the confirmed user field is "Y"
     * @return our status, or null when the lead's status says nothing we track
     */
    public static LeadStatus toOurs(Map<String, String> overrides, String noShowId, String statusId,
                                    String semanticId, boolean confirmed) {
        if (statusId == null || statusId.isBlank()) {
            return null;
        }
        LeadStatus status = null;
        if (overrides != null) {
            for (Map.Entry<String, String> entry : overrides.entrySet()) {
                LeadStatus ours = ours(entry.getKey());
                if (ours != null && statusId.equals(entry.getValue())) {
                    status = ours;
                    break;
                }
            }
        }
        if (status == null) {
            status = switch (statusId) {
                case "NEW" -> LeadStatus.NEW;
                case "IN_PROCESS", "PROCESSED" -> LeadStatus.IN_PROCESSING;
                case "CONVERTED" -> LeadStatus.WON;
                case "JUNK" -> LeadStatus.LOST;
                default -> statusId.equals(noShowId) ? LeadStatus.NO_SHOW : bySemantics(semanticId);
            };
        }
        return status == LeadStatus.IN_PROCESSING && confirmed ? LeadStatus.CONFIRMED : status;
    }

    private static LeadStatus bySemantics(String semanticId) {
        if (semanticId == null) {
            return null;
        }
        return switch (semanticId) {
            case "P" -> LeadStatus.IN_PROCESSING;
            case "S" -> LeadStatus.WON;
            case "F" -> LeadStatus.LOST;
            default -> null;
        };
    }

    /** A crm.statuses key: a LeadStatus name in any case, or the spelling (InProcess, NoShow, Won …). */
    static LeadStatus ours(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
        if (key.equals("IN_PROCESS")) {
            return LeadStatus.IN_PROCESSING;
        }
        try {
            return LeadStatus.valueOf(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
