package io.otklik.platform.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail: what went wrong, for which field and why.
 *
 * @param type   a URI naming the kind of problem
 * @param title  short, the same for every occurrence of the kind
 * @param status the HTTP status
 * @param detail this occurrence, in words a client developer can act on
 * @param field  the request field at fault, if one is
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
