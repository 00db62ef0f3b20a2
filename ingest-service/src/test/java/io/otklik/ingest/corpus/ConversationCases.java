package io.otklik.ingest.corpus;

import java.util.ArrayList;
import java.util.List;

/** The conversation API: the JSONL export and the staff view of one conversation. */
public class ConversationCases {

    static final String EXPORT = "/api/v1/conversations/export";
    static final String RANGE = "from=2025-03-01T00:00:00Z&to=2025-03-02T00:00:00Z";

    /** {@code GET /api/v1/conversations/export}. */
    public static class Export implements CorpusEndpoint {

        @Override
        public String name() {
            return "export";
        }

        static BadCase get(String name, String key, String query, int status, String detail) {
            BadCase.Builder b = BadCase.of("export", "GET", EXPORT + (query.isEmpty() ? "" : "?" + query));
            if (key != null) {
                b.header("X-Api-Key", key);
            }
            return b.expect(name, status, detail);
        }

        @Override
        public List<BadCase> cases() {
            List<BadCase> cases = new ArrayList<>();
            cases.add(get("key: missing", null, RANGE, 401, "X-Api-Key"));
            cases.add(get("key: wrong", "nope", RANGE, 401, "X-Api-Key"));
            cases.add(get("key: empty", "", RANGE, 401, "X-Api-Key"));
            cases.add(get("key: missing, raw", null, RANGE + "&raw=true", 401, "X-Api-Key"));
            for (String bad : List.of("yesterday", "2025-13-01T00:00:00Z", "2025-03-01", "1740787200",
                    "2025-03-01T25:00:00Z", "2025-02-30T00:00:00Z", "2025-03-01T00:00:00", "01.03.2025")) {
                cases.add(get("from '" + bad + "'", "test-salon-key", "from=" + bad + "&to=2025-03-02T00:00:00Z",
                        400, "from"));
                cases.add(get("to '" + bad + "'", "test-salon-key", "from=2025-03-01T00:00:00Z&to=" + bad, 400,
                        "to"));
            }
            cases.add(get("from and to missing", "test-salon-key", "", 400, "from"));
            cases.add(get("to missing", "test-salon-key", "from=2025-03-01T00:00:00Z", 400, "to"));
            cases.add(get("from empty", "test-salon-key", "from=&to=2025-03-01T00:00:00Z", 400, "from"));
            cases.add(get("from after to", "test-salon-key", "from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z",
                    400, "after"));
            cases.add(get("from equals to", "test-salon-key", "from=2025-03-01T00:00:00Z&to=2025-03-01T00:00:00Z",
                    400, "after"));
            cases.add(get("range 93 days", "test-salon-key", "from=2025-01-01T00:00:00Z&to=2025-04-04T00:00:00Z",
                    400, "92 days"));
            cases.add(get("range 10 years, admin", "test-admin-key",
                    "from=2015-01-01T00:00:00Z&to=2025-01-01T00:00:00Z", 400, "92 days"));
            cases.add(get("raw 'yes'", "test-admin-key", RANGE + "&raw=yes", 400, "raw"));
            cases.add(get("raw '1'", "test-salon-key", RANGE + "&raw=1", 400, "raw"));
            cases.add(get("raw with a tenant key", "test-salon-key", RANGE + "&raw=true", 403, "admin"));
            cases.add(get("raw with the other tenant's key", "test-clinic-key", RANGE + "&raw=true", 403, "admin"));
            cases.add(get("another tenant with a tenant key", "test-salon-key", RANGE + "&tenant=demo-clinic", 403,
                    "own tenant"));
            cases.add(get("unknown tenant, admin", "test-admin-key", RANGE + "&tenant=nobody", 404, "nobody"));
            return cases;
        }
    }

    /** {@code GET /api/v1/conversations/{id}}. */
    public static class View implements CorpusEndpoint {

        /** Stands for a real conversation of demo-salon, created by the test before it runs the cases. */
        public static final String EXISTING = "EXISTING-CONVERSATION";

        @Override
        public String name() {
            return "conversation";
        }

        @Override
        public List<BadCase> cases() {
            List<BadCase> cases = new ArrayList<>();
            String path = "/api/v1/conversations/";
            for (String id : List.of("x", "12345", "not-a-uuid", "7c9e6679-7425-40de-944b-e07fc1f90ae",
                    "7c9e6679-7425-40de-944b-e07fc1f90ae7z", "zc9e6679-7425-40de-944b-e07fc1f90ae7")) {
                cases.add(BadCase.of("conversation", "GET", path + id + "?token=abc")
                        .expect("id '" + id + "'", 400, "conversationId"));
            }
            cases.add(BadCase.of("conversation", "GET", path + EXISTING).expect("no token, no key", 401, "token"));
            cases.add(BadCase.of("conversation", "GET", path + EXISTING + "?token=")
                    .expect("empty token", 401, "token"));
            for (String token : List.of("abc", "0".repeat(64), "ä", "%20")) {
                cases.add(BadCase.of("conversation", "GET", path + EXISTING + "?token=" + token)
                        .expect("wrong token '" + token + "'", 401, "token"));
            }
            cases.add(BadCase.of("conversation", "GET", path + EXISTING).header("X-Api-Key", "nope")
                    .expect("wrong key", 401, "X-Api-Key"));
            cases.add(BadCase.of("conversation", "GET", path + EXISTING).header("X-Api-Key", "test-clinic-key")
                    .expect("another tenant's key", 404, "conversation"));
            String unknown = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
            cases.add(BadCase.of("conversation", "GET", path + unknown + "?token=abc")
                    .expect("unknown conversation, token", 404, "conversation"));
            cases.add(BadCase.of("conversation", "GET", path + unknown).header("X-Api-Key", "test-salon-key")
                    .expect("unknown conversation, key", 404, "conversation"));
            cases.add(BadCase.of("conversation", "GET", path + unknown).header("X-Api-Key", "test-admin-key")
                    .expect("unknown conversation, admin", 404, "conversation"));
            return cases;
        }
    }
}
