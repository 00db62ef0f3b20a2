package io.otklik.ingest.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Instagram Messaging webhook: GET verification and POSTs signed with the tenant's Instagram app secret. */
public class InstagramCases implements CorpusEndpoint {

    static final String PATH = "/webhooks/instagram";
    static final String SECRET = "test_ig_app_secret";
    static final String ACCOUNT = "17841400000000000";

    @Override
    public String name() {
        return "instagram";
    }

    static String item(String fields) {
        return "{\"sender\":{\"id\":\"1234567890123456\"},\"recipient\":{\"id\":\"" + ACCOUNT + "\"},"
                + "\"timestamp\":1739321024500,\"message\":{\"mid\":\"aWdfcorpus\",\"text\":\"corpus\"}" + fields
                + "}";
    }

    static String webhook(String accountId, String messaging) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + accountId + "\",\"time\":1739321025000,"
                + "\"messaging\":" + messaging + "}]}";
    }

    static BadCase signed(String name, String body, int status, String detail) {
        return MetaSignedCases.signed("instagram", PATH, SECRET, name, body, status, detail);
    }

    @Override
    public List<BadCase> cases() {
        List<BadCase> cases = new ArrayList<>();
        String[][] verify = {
                {"wrong verify token", "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1"},
                {"the WhatsApp verify token", "hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1"},
                {"wrong mode", "hub.mode=unsubscribe&hub.verify_token=ig-verify-me&hub.challenge=1"},
                {"missing challenge", "hub.mode=subscribe&hub.verify_token=ig-verify-me"},
        };
        for (String[] v : verify) {
            cases.add(BadCase.of("instagram", "GET", PATH + "?" + v[1]).expect("verify: " + v[0], 403));
        }

        byte[] valid = webhook(ACCOUNT, "[" + item("") + "]").getBytes(StandardCharsets.UTF_8);
        cases.addAll(MetaSignedCases.wrongSignatures("instagram", PATH, valid, SECRET,
                Map.of("the WhatsApp app secret", "test_app_secret")));

        for (String[] b : CorpusEndpoint.notJsonObjects()) {
            cases.add(signed("body: " + b[0], b[1], 400, null));
        }
        cases.add(signed("object whatsapp_business_account", "{\"object\":\"whatsapp_business_account\","
                + "\"entry\":[]}", 400, "object"));
        cases.add(signed("no object", "{\"entry\":[]}", 400, "object"));
        cases.add(signed("entry an object", "{\"object\":\"instagram\",\"entry\":{}}", 400, "entry"));
        cases.add(signed("entry without id", "{\"object\":\"instagram\",\"entry\":[{\"messaging\":["
                + item("") + "]}]}", 400, "entry[].id"));
        cases.add(signed("message without mid", webhook(ACCOUNT, "[{\"sender\":{\"id\":\"1\"},\"timestamp\":1,"
                + "\"message\":{\"text\":\"x\"}}]"), 400, "mid"));
        cases.add(signed("no sender", webhook(ACCOUNT, "[{\"recipient\":{\"id\":\"" + ACCOUNT + "\"},"
                + "\"timestamp\":1,\"message\":{\"mid\":\"m\",\"text\":\"x\"}}]"), 400, "sender"));
        String[][] timestamps = {
                {"timestamp a string", "\"yesterday\""},
                {"timestamp a fraction", "1739321024500.5"},
                {"timestamp beyond the database", "99999999999999999"},
                {"timestamp beyond long", "99999999999999999999"},
                {"timestamp before the epoch", "-5"},
        };
        for (String[] t : timestamps) {
            cases.add(signed(t[0], webhook(ACCOUNT, "[" + item(",\"timestamp\":" + t[1]) + "]"), 400,
                    "timestamp"));
        }
        for (String id : List.of("17841400000000001", "demo-salon", "106540352242922")) {
            cases.add(signed("unknown account '" + id + "'", webhook(id, "[{\"sender\":{\"id\":\"1\"},"
                    + "\"recipient\":{\"id\":\"" + id + "\"},\"timestamp\":1,\"message\":{\"mid\":\"m\","
                    + "\"text\":\"x\"}}]"), 404, "Instagram account"));
        }
        cases.add(BadCase.of("instagram", "POST", PATH).header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .body("application/json", CorpusEndpoint.oversized()).expect("body over 256 KiB", 413));
        return cases;
    }
}
