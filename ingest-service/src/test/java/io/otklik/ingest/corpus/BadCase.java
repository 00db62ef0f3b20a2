package io.otklik.ingest.corpus;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bad request of the corpus and what the service must answer.
 *
 * @param endpoint    which endpoint family it belongs to (whatsapp, telegram, forms, leads, export, conversation)
 * @param name        what is wrong, shown as the test's display name
 * @param contentType null: none is sent
 * @param body        null: no body
 * @param status      the status expected
 * @param detail      a piece the problem's detail (or one of its field errors) must contain, or null
 */
public record BadCase(String endpoint, String name, String method, String path, Map<String, String> headers,
                      String contentType, byte[] body, int status, String detail) {

    @Override
    public String toString() {
        return endpoint + ": " + name + " → " + status;
    }

    public static Builder of(String endpoint, String method, String path) {
        return new Builder(endpoint, method, path);
    }

    /** Fluent construction: {@code BadCase.of("leads", "POST", "/api/v1/leads").json("{}").expect(400, "…")}. */
    public static final class Builder {
        private final String endpoint;
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType;
        private byte[] body;

        private Builder(String endpoint, String method, String path) {
            this.endpoint = endpoint;
            this.method = method;
            this.path = path;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Builder body(String contentType, byte[] body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        public byte[] bytes() {
            return body;
        }

        public BadCase expect(String name, int status, String detail) {
            return new BadCase(endpoint, name, method, path, Map.copyOf(headers), contentType, body, status, detail);
        }

        public BadCase expect(String name, int status) {
            return expect(name, status, null);
        }
    }
}
