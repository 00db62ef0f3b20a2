package io.otklik.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An RFC 9457 problem detail: what went wrong, for which field and why.
 *
 * @param type   a URI naming the kind of problem
 * @param title  short, the same for every occurrence of the kind
 * @param status the HTTP status
 * @param detail this occurrence, in words a client developer can act on
 * @param field  the request field at fault, if one is
 * @param errors every field at fault with its reason, when a request was checked field by field (RFC 9457's
 *               extension member, so a form can mark all bad inputs at once); absent otherwise
 */
@RegisterForReflection(ignoreNested = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public Problem(String type, String title, int status, String detail, String field) {
        this(type, title, status, detail, field, null);
    }

    /** One bad field of a request and why it is bad. */
    @RegisterForReflection
    public record FieldError(String field, String message) {
    }
}
