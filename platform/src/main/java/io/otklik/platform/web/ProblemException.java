package io.otklik.platform.web;

import java.util.List;
import java.util.Locale;

/** Thrown by resources and services to answer with a problem+json of the given status. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String title, String detail, String field) {
        this(status, title, detail, field, null);
    }

    public ProblemException(int status, String title, String detail, String field, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = new Problem("https://otklik.io/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'),
                title, status, detail, field, errors);
    }

    public static ProblemException badRequest(String detail, String field) {
        return new ProblemException(400, "Invalid request", detail, field);
    }

    /**
     * 400 listing every bad field at once; {@code field} names the first and the detail joins all messages.
     *
     * @throws IllegalArgumentException when there is no error to report
     */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("no field errors");
        }
        StringBuilder detail = new StringBuilder();
        for (Problem.FieldError e : errors) {
            detail.append(detail.isEmpty() ? "" : "; ").append(e.field()).append(": ").append(e.message());
        }
        return new ProblemException(400, "Invalid request", detail.toString(), errors.get(0).field(), errors);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public Problem problem() {
        return problem;
    }
}
