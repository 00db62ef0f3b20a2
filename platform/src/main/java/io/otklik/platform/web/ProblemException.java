package io.otklik.platform.web;

/** Thrown by resources and services to answer with a problem+json of the given status. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.problem = new Problem("https://otklik.io/problems/" + title.toLowerCase(java.util.Locale.ROOT)
                .replace(' ', '-'), title, status, detail, field);
    }

    public static ProblemException badRequest(String detail, String field) {
        return new ProblemException(400, "Invalid request", detail, field);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public Problem problem() {
        return problem;
    }
}
