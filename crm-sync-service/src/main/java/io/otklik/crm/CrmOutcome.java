package io.otklik.crm;

/**
 * What the CRM answered to one call.
 *
 * @param crmLeadId  the CRM's lead id, when the call succeeded with one
 * @param httpStatus the HTTP status of a failed call, 0 when there was no answer
 * @param errorCode  the CRM's error code (e.g. QUERY_LIMIT_EXCEEDED), or our own (timeout, not_configured)
 * @param reason     the CRM's description of the error; may name values, so it is stored, not logged
 * @param retryable  whether the same call may succeed later (limits, outages, timeouts)
 */
public record CrmOutcome(boolean ok, String crmLeadId, int httpStatus, String errorCode, String reason,
                         boolean retryable) {

    public static CrmOutcome ok(String crmLeadId) {
        return new CrmOutcome(true, crmLeadId, 0, null, null, false);
    }

    /** A successful search that found nothing. */
    public static CrmOutcome none() {
        return new CrmOutcome(true, null, 0, null, null, false);
    }

    public static CrmOutcome failed(int httpStatus, String errorCode, String reason, boolean retryable) {
        return new CrmOutcome(false, null, httpStatus, errorCode, reason, retryable);
    }

    /** A successful search that found the lead. */
    public boolean found() {
        return ok && crmLeadId != null;
    }

    /** The error as stored in {@code crm_sync_task.last_error}. */
    public String describe() {
        return errorCode + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + (reason == null || reason.isBlank()
                ? "" : ": " + reason);
    }
}
