package io.otklik.ingest.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public form ({@code POST /api/v1/forms/{formId}}, its replies poll) and the site API
 * ({@code POST /api/v1/leads}): the same field checks through both doors.
 */
public class LeadCases {

    static final String FORM = "/api/v1/forms/lyon-site";
    static final String LEADS = "/api/v1/leads";
    static final String KEY = "test-salon-key";

    /** A JSON body, what is wrong with it, and the field the 400 must name. */
    static List<String[]> badFields() {
        List<String[]> bodies = new ArrayList<>();
        bodies.add(new String[] {"nothing at all", "{}", "message"});
        bodies.add(new String[] {"only a name", "{\"name\":\"Анна\"}", "message"});
        bodies.add(new String[] {"blank message", "{\"message\":\"   \\n\"}", "message"});
        bodies.add(new String[] {"null message", "{\"message\":null}", "message"});
        bodies.add(new String[] {"message too long", "{\"message\":\"" + "ж".repeat(4001) + "\"}", "message"});
        bodies.add(new String[] {"message a number", "{\"message\":12}", "message"});
        bodies.add(new String[] {"message an array", "{\"message\":[\"a\"]}", "message"});
        bodies.add(new String[] {"message an object", "{\"message\":{\"text\":\"a\"}}", "message"});
        bodies.add(new String[] {"message a boolean", "{\"message\":true}", "message"});
        bodies.add(new String[] {"name too long", "{\"message\":\"x\",\"name\":\"" + "Я".repeat(201) + "\"}", "name"});
        bodies.add(new String[] {"name a number", "{\"message\":\"x\",\"name\":5}", "name"});
        for (String phone : List.of("12345", "abc", "+1 555", "8 800", "+7 (916) 123-45-6", "+791612345678901234",
                "0000000000", "+7 (999) 000 00 00 00", "7" + "1".repeat(41), "8 (916) 12")) {
            bodies.add(new String[] {"phone '" + phone + "'", "{\"phone\":\"" + phone + "\"}", "phone"});
        }
        bodies.add(new String[] {"phone a boolean", "{\"phone\":true}", "phone"});
        bodies.add(new String[] {"phone a fraction", "{\"phone\":7916.5}", "phone"});
        bodies.add(new String[] {"phone an object", "{\"phone\":{\"number\":\"+79161234567\"}}", "phone"});
        for (String url : List.of("ftp://files.example/x", "javascript:alert(1)", "lyon-salon.example/prices",
                "http://", "https:///path", "mailto:a@b.example", "http://exa mple.com",
                "https://lyon-salon.example/" + "a".repeat(2000))) {
            bodies.add(new String[] {"pageUrl '" + (url.length() > 40 ? url.substring(0, 40) + "…" : url) + "'",
                    "{\"message\":\"x\",\"pageUrl\":\"" + url + "\"}", "pageUrl"});
        }
        bodies.add(new String[] {"pageUrl a number", "{\"message\":\"x\",\"pageUrl\":1}", "pageUrl"});
        for (String utm : List.of("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term")) {
            bodies.add(new String[] {utm + " too long", "{\"message\":\"x\",\"" + utm + "\":\"" + "u".repeat(201)
                    + "\"}", utm});
            bodies.add(new String[] {utm + " an object", "{\"message\":\"x\",\"" + utm + "\":{}}", utm});
        }
        bodies.add(new String[] {"utm a string", "{\"message\":\"x\",\"utm\":\"yandex\"}", "utm"});
        bodies.add(new String[] {"utm.source a number", "{\"message\":\"x\",\"utm\":{\"source\":1}}", "utm_source"});
        bodies.add(new String[] {"submissionId too long", "{\"message\":\"x\",\"submissionId\":\"" + "s".repeat(201)
                + "\"}", "submissionId"});
        bodies.add(new String[] {"submissionId a number", "{\"message\":\"x\",\"submissionId\":5}", "submissionId"});
        bodies.add(new String[] {"formId a number", "{\"message\":\"x\",\"formId\":5}", "formId"});
        return bodies;
    }

    /** The public form, called by a site's JavaScript. */
    public static class Forms implements CorpusEndpoint {

        @Override
        public String name() {
            return "forms";
        }

        @Override
        public List<BadCase> cases() {
            List<BadCase> cases = new ArrayList<>();
            for (String[] b : CorpusEndpoint.notJsonObjects()) {
                cases.add(BadCase.of("forms", "POST", FORM).json(b[1]).expect("body: " + b[0], 400, null));
            }
            for (String[] b : badFields()) {
                cases.add(BadCase.of("forms", "POST", FORM).json(b[1]).expect(b[0], 400, b[2]));
            }
            cases.add(BadCase.of("forms", "POST", FORM).json("{\"message\":\"x\",\"formId\":\"ulybka-site\"}")
                    .expect("formId of another form", 400, "formId"));
            cases.add(BadCase.of("forms", "POST", FORM).header("Idempotency-Key", "k".repeat(201))
                    .json("{\"message\":\"x\"}").expect("Idempotency-Key too long", 400, "Idempotency-Key"));
            cases.add(BadCase.of("forms", "POST", FORM).body("application/x-www-form-urlencoded",
                    "phone=%zz".getBytes()).expect("broken percent-encoding", 400, "urlencoded"));
            cases.add(BadCase.of("forms", "POST", FORM).body("application/x-www-form-urlencoded",
                    "phone=123&pageUrl=ftp%3A%2F%2Fx".getBytes()).expect("form-encoded: bad phone and URL", 400,
                    "pageUrl"));
            cases.add(BadCase.of("forms", "POST", FORM).body("multipart/form-data; boundary=x",
                    "--x\r\nContent-Disposition: form-data; name=\"message\"\r\n\r\nhi\r\n--x--\r\n".getBytes())
                    .expect("multipart", 415));
            for (String form : List.of("nobody", "LYON-SITE", "lyon-site-2", "demo-salon")) {
                cases.add(BadCase.of("forms", "POST", "/api/v1/forms/" + form).json("{\"message\":\"x\"}")
                        .expect("unknown form '" + form + "'", 404, "form"));
            }
            for (String origin : List.of("https://evil.example", "https://ulybka.example", "null",
                    "http://lyon-salon.example")) {
                cases.add(BadCase.of("forms", "POST", FORM).header("Origin", origin).json("{\"message\":\"x\"}")
                        .expect("foreign origin " + origin, 403, "origin"));
            }
            cases.add(BadCase.of("forms", "POST", FORM).body("application/json", CorpusEndpoint.oversized())
                    .expect("body over 256 KiB", 413));
            for (String id : List.of("x", "123", "not-a-uuid", "00000000-0000-0000-0000-00000000000g",
                    "00000000-0000-0000-0000-0000000000000000")) {
                cases.add(BadCase.of("forms", "GET", FORM + "/messages/" + id + "/replies")
                        .expect("replies: message id '" + id + "'", 400, "messageId"));
            }
            cases.add(BadCase.of("forms", "GET", "/api/v1/forms/nobody/messages/"
                    + "7c9e6679-7425-40de-944b-e07fc1f90ae7/replies").expect("replies: unknown form", 404, "form"));
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                cases.add(BadCase.of("forms", "POST", FORM).body("application/json", f.getValue())
                        .expect("file " + f.getKey(), 400));
            }
            return cases;
        }
    }

    /** The site API with the tenant's key. */
    public static class Leads implements CorpusEndpoint {

        @Override
        public String name() {
            return "leads";
        }

        @Override
        public List<BadCase> cases() {
            List<BadCase> cases = new ArrayList<>();
            String valid = "{\"message\":\"Хочу записаться\"}";
            cases.add(BadCase.of("leads", "POST", LEADS).json(valid).expect("key: missing", 401, "X-Api-Key"));
            for (String[] k : new String[][] {{"wrong", "nope"}, {"empty", ""}, {"the admin key", "test-admin-key"},
                    {"a secret name", "OTKLIK_DEMO_SALON_API_KEY"}, {"key with a suffix", KEY + "1"}}) {
                cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", k[1]).json(valid)
                        .expect("key: " + k[0], 401, "X-Api-Key"));
            }
            for (String[] b : CorpusEndpoint.notJsonObjects()) {
                cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", KEY).json(b[1])
                        .expect("body: " + b[0], 400, null));
            }
            for (String[] b : badFields()) {
                cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", KEY).json(b[1])
                        .expect(b[0], 400, b[2]));
            }
            for (String form : List.of("nobody", "ulybka-site", "LYON-SITE")) {
                cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", KEY)
                        .json("{\"message\":\"x\",\"formId\":\"" + form + "\"}")
                        .expect("formId '" + form + "' not this tenant's", 400, "formId"));
            }
            for (String[] f : new String[][] {{"nothing", "name=%D0%90%D0%BD%D0%BD%D0%B0", "message"},
                    {"bad phone", "phone=12", "phone"}, {"bad page", "message=x&pageUrl=x", "pageUrl"},
                    {"broken percent-encoding", "message=%G1", "urlencoded"},
                    {"unknown form", "message=x&formId=nobody", "formId"}}) {
                cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", KEY)
                        .body("application/x-www-form-urlencoded", f[1].getBytes())
                        .expect("form-encoded: " + f[0], 400, f[2]));
            }
            cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", KEY)
                    .body("application/json", CorpusEndpoint.oversized()).expect("body over 256 KiB", 413));
            for (Map.Entry<String, byte[]> f : files().entrySet()) {
                cases.add(BadCase.of("leads", "POST", LEADS).header("X-Api-Key", KEY)
                        .body("application/json", f.getValue()).expect("file " + f.getKey(), 400));
            }
            return cases;
        }
    }
}
