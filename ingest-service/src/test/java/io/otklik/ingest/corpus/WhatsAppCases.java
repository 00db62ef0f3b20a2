package io.otklik.ingest.corpus;

import io.otklik.ingest.whatsapp.WhatsAppSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** WhatsApp Cloud API webhook: GET verification and signed POSTs. */
public class WhatsAppCases implements CorpusEndpoint {

    static final String PATH = "/webhooks/whatsapp";
    static final String SECRET = "test_app_secret";
    static final String NUMBER = "106540352242922";

    @Override
    public String name() {
        return "whatsapp";
    }

    static String message(String fields) {
        return "{\"from\":\"79161234567\",\"id\":\"wamid.corpus\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                + "\"text\":{\"body\":\"corpus\"}" + fields + "}";
    }

    static String webhook(String phoneNumberId, String messages) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"" + phoneNumberId + "\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Corpus\"},\"wa_id\":\"79161234567\"}],\"messages\":"
                + messages + "}}]}]}";
    }

    static BadCase signed(String name, String body, int status, String detail) {
        return MetaSignedCases.signed("whatsapp", PATH, SECRET, name, body, status, detail);
    }

    @Override
    public List<BadCase> cases() {
        List<BadCase> cases = new ArrayList<>();
        // GET verification: Meta expects 403 when the verify token is not ours
        String[][] verify = {
                {"wrong verify token", "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1"},
                {"missing verify token", "hub.mode=subscribe&hub.challenge=1"},
                {"wrong mode", "hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1"},
                {"missing challenge", "hub.mode=subscribe&hub.verify_token=verify-me"},
                {"no parameters", ""},
                {"empty verify token", "hub.mode=subscribe&hub.verify_token=&hub.challenge=1"},
        };
        for (String[] v : verify) {
            cases.add(BadCase.of("whatsapp", "GET", v[1].isEmpty() ? PATH : PATH + "?" + v[1])
                    .expect("verify: " + v[0], 403));
        }

        // signatures → 401 (the body is a valid webhook of a known number)
        byte[] valid = webhook(NUMBER, "[" + message("") + "]").getBytes(StandardCharsets.UTF_8);
        cases.addAll(MetaSignedCases.wrongSignatures("whatsapp", PATH, valid, SECRET, Map.of(
                "another tenant's secret", "test_clinic_app_secret", "the Instagram secret", "test_ig_app_secret")));
        cases.add(BadCase.of("whatsapp", "POST", PATH).body("text/plain", valid)
                .expect("signature: missing, text/plain", 401));

        // not a webhook at all (signed, so only the shape is wrong)
        for (String[] b : CorpusEndpoint.notJsonObjects()) {
            cases.add(signed("body: " + b[0], b[1], 400, null));
        }
        cases.add(signed("no object", "{\"entry\":[]}", 400, "object"));
        cases.add(signed("object page", "{\"object\":\"page\",\"entry\":[]}", 400, "object"));
        cases.add(signed("object instagram", "{\"object\":\"instagram\",\"entry\":[]}", 400, "object"));
        cases.add(signed("object a number", "{\"object\":7,\"entry\":[]}", 400, "object"));
        cases.add(signed("no entry", "{\"object\":\"whatsapp_business_account\"}", 400, "entry"));
        cases.add(signed("entry an object", "{\"object\":\"whatsapp_business_account\",\"entry\":{}}", 400,
                "entry"));
        cases.add(signed("entry a string", "{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}", 400,
                "entry"));
        cases.add(signed("no phone_number_id", webhook("", "[" + message("") + "]"), 400, "phone_number_id"));
        cases.add(signed("no metadata", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messages\":[" + message("") + "]}}]}]}", 400,
                "phone_number_id"));
        cases.add(signed("no value", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{"
                + "\"field\":\"messages\"}]}]}", 400, "phone_number_id"));

        // message-level defects
        String[][] messages = {
                {"message without id", "{\"from\":\"79161234567\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"x\"}}", "id"},
                {"message with an empty id", message(",\"id\":\"\""), "id"},
                {"message without from", "{\"id\":\"wamid.x\",\"timestamp\":\"1739321024\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"x\"}}", "from"},
                {"message with an empty from", message(",\"from\":\"\""), "from"},
                {"message a string", "\"hello\"", "id"},
                {"message a number", "12", "id"},
                {"timestamp not a number", message(",\"timestamp\":\"yesterday\""), "timestamp"},
                {"timestamp a fraction", message(",\"timestamp\":\"1739321024.5\""), "timestamp"},
                {"timestamp hex", message(",\"timestamp\":\"0x67ab\""), "timestamp"},
                {"timestamp beyond long", message(",\"timestamp\":\"99999999999999999999\""), "timestamp"},
                {"timestamp beyond Instant", message(",\"timestamp\":\"99999999999999999\""), "timestamp"},
                {"timestamp beyond the database", message(",\"timestamp\":\"9999999999999\""), "timestamp"},
                {"timestamp far before the epoch", message(",\"timestamp\":\"-99999999999999\""), "timestamp"},
                {"timestamp an ISO date", message(",\"timestamp\":\"2025-02-12T00:43:44Z\""), "timestamp"},
        };
        for (String[] m : messages) {
            // a later duplicate key wins in Jackson, so message("," + override) replaces the default field
            cases.add(signed(m[0], webhook(NUMBER, "[" + m[1] + "]"), 400, m[2]));
            cases.add(signed(m[0] + " (second of two)", webhook(NUMBER, "[" + message(",\"id\":\"wamid.ok2\"")
                    + "," + m[1] + "]"), 400, m[2]));
        }
        String status = "{\"id\":\"wamid.out\",\"status\":\"delivered\",\"timestamp\":\"1739321024\","
                + "\"recipient_id\":\"79161234567\"";
        String[][] statuses = {
                {"status without id", "{\"status\":\"delivered\",\"timestamp\":\"1739321024\"}", "id"},
                {"status without status", "{\"id\":\"wamid.out\",\"timestamp\":\"1739321024\"}", "status"},
                {"status timestamp not a number", status + ",\"timestamp\":\"soon\"}", "timestamp"},
                {"status timestamp beyond the database", status + ",\"timestamp\":\"9999999999999\"}", "timestamp"},
        };
        for (String[] s : statuses) {
            cases.add(signed(s[0], "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{"
                    + "\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"" + NUMBER + "\"},"
                    + "\"statuses\":[" + s[1] + "]}}]}]}", 400, s[2]));
        }
        // bytes that are not UTF-8 JSON
        byte[] latin1 = "{\"object\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        cases.add(BadCase.of("whatsapp", "POST", PATH).header("X-Hub-Signature-256",
                WhatsAppSignature.sign(latin1, SECRET)).body("application/json", latin1)
                .expect("invalid UTF-8", 400));

        // unknown numbers → 404 (signed with the salon's secret: the number is looked up first)
        for (String id : List.of("000000000000000", "106540352242923", "salon", "106540352242922 ")) {
            cases.add(signed("unknown phone_number_id '" + id + "'", webhook(id, "[" + message("") + "]"), 404,
                    "phone_number_id"));
        }
        // over the body limit
        cases.add(BadCase.of("whatsapp", "POST", PATH).header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .body("application/json", CorpusEndpoint.oversized()).expect("body over 256 KiB", 413));

        for (Map.Entry<String, byte[]> f : files().entrySet()) {
            cases.add(BadCase.of("whatsapp", "POST", PATH)
                    .header("X-Hub-Signature-256", WhatsAppSignature.sign(f.getValue(), SECRET))
                    .body("application/json", f.getValue()).expect("file " + f.getKey(), 400));
        }
        return cases;
    }
}
