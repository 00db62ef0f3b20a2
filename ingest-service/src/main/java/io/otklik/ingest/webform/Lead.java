package io.otklik.ingest.webform;

import io.otklik.events.data.Utm;
import io.otklik.ingest.inbound.Phones;
import io.otklik.platform.web.Problem.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * A validated lead from a site: checks every field and collects all that are wrong (pure logic, no I/O).
 *
 * @param phone        E.164, or null when none was given
 * @param message      stripped; empty when the client only left a phone
 * @param pageUrl      the page the form was on, an http(s) URL, or null
 * @param submissionId the site's id of this submission or the Idempotency-Key, or null
 */
public record Lead(String name, String phone, String message, Utm utm, String pageUrl, String submissionId) {

    public static final int MAX_MESSAGE = 4000;
    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 2000;
    public static final int MAX_TAG = 200;

    /**
     * Validates the fields; every problem is added to {@code errors} (the lead returned is then not to be used).
     *
     * @param idempotencyKey the {@code Idempotency-Key} header, used when the body has no submissionId
     */
    public static Lead check(LeadFields fields, String idempotencyKey, List<FieldError> errors) {
        errors.addAll(fields.problems());
        String name = strip(fields.get("name"));
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "the name is longer than " + MAX_NAME + " characters"));
        }
        String rawPhone = strip(fields.get("phone"));
        String phone = null;
        if (rawPhone != null) {
            phone = rawPhone.length() > 40 ? null : Phones.e164(rawPhone).orElse(null);
            if (phone == null) {
                errors.add(new FieldError("phone",
                        "not a valid phone number (write it as +7 916 123-45-67, 8 916 123-45-67 or 9161234567)"));
            }
        }
        String message = fields.get("message") == null ? "" : fields.get("message").strip();
        if (message.length() > MAX_MESSAGE) {
            errors.add(new FieldError("message", "the message is longer than " + MAX_MESSAGE + " characters"));
        } else if (message.isEmpty() && rawPhone == null) {
            errors.add(new FieldError("message", "write a message or leave a phone number"));
        }
        String pageUrl = strip(fields.get("pageUrl"));
        if (pageUrl != null && !httpUrl(pageUrl)) {
            errors.add(new FieldError("pageUrl", "not an http(s) URL of at most " + MAX_URL + " characters"));
        }
        Utm utm = new Utm(tag("utm_source", fields, errors), tag("utm_medium", fields, errors),
                tag("utm_campaign", fields, errors), tag("utm_content", fields, errors),
                tag("utm_term", fields, errors));
        String submissionId = strip(fields.get("submissionId"));
        if (submissionId != null && submissionId.length() > MAX_TAG) {
            errors.add(new FieldError("submissionId", "longer than " + MAX_TAG + " characters"));
        }
        String key = strip(idempotencyKey);
        if (submissionId == null && key != null && key.length() > MAX_TAG) {
            errors.add(new FieldError("Idempotency-Key", "longer than " + MAX_TAG + " characters"));
        }
        boolean noUtm = utm.source() == null && utm.medium() == null && utm.campaign() == null
                && utm.content() == null && utm.term() == null;
        return new Lead(name, phone, message, noUtm ? null : utm, pageUrl, submissionId != null ? submissionId : key);
    }

    /** What the conversation shows for a lead that only left a phone. */
    public String text() {
        return message.isEmpty() ? "Оставил номер телефона для связи" : message;
    }

    static boolean httpUrl(String value) {
        if (value.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String tag(String field, LeadFields fields, List<FieldError> errors) {
        String value = strip(fields.get(field));
        if (value != null && value.length() > MAX_TAG) {
            errors.add(new FieldError(field, "longer than " + MAX_TAG + " characters"));
        }
        return value;
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
