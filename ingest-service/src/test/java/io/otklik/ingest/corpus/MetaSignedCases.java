package io.otklik.ingest.corpus;

import io.otklik.ingest.whatsapp.WhatsAppSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bad requests shared by Meta's webhooks (WhatsApp, Instagram): bodies signed with X-Hub-Signature-256. */
final class MetaSignedCases {

    private MetaSignedCases() {
    }

    /** A body correctly signed with {@code secret}: only what the body says can be wrong. */
    static BadCase signed(String endpoint, String path, String secret, String name, String body, int status,
                          String detail) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BadCase.of(endpoint, "POST", path).header("X-Hub-Signature-256", WhatsAppSignature.sign(bytes, secret))
                .body("application/json", bytes).expect(name, status, detail);
    }

    /**
     * A valid body with every kind of wrong signature (and none) → 401.
     *
     * @param otherSecrets secrets of other apps and tenants that must not open this endpoint, by a name for them
     */
    static List<BadCase> wrongSignatures(String endpoint, String path, byte[] valid, String secret,
                                         Map<String, String> otherSecrets) {
        String good = WhatsAppSignature.sign(valid, secret);
        Map<String, String> signatures = new LinkedHashMap<>();
        signatures.put("empty signature", "");
        signatures.put("prefix only", "sha256=");
        signatures.put("zeros", "sha256=" + "0".repeat(64));
        signatures.put("sha1 prefix", "sha1=" + good.substring(7));
        signatures.put("no prefix", good.substring(7));
        signatures.put("truncated", good.substring(0, good.length() - 2));
        signatures.put("one digit changed", good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0"));
        new TreeMap<>(otherSecrets).forEach((name, other) ->
                signatures.put(name, WhatsAppSignature.sign(valid, other)));
        signatures.put("signature of another body", WhatsAppSignature.sign("{}".getBytes(), secret));
        signatures.put("not hex", "sha256=" + "z".repeat(64));
        List<BadCase> cases = new ArrayList<>();
        for (Map.Entry<String, String> s : signatures.entrySet()) {
            cases.add(BadCase.of(endpoint, "POST", path).header("X-Hub-Signature-256", s.getValue())
                    .body("application/json", valid).expect("signature: " + s.getKey(), 401, "X-Hub-Signature-256"));
        }
        cases.add(BadCase.of(endpoint, "POST", path).body("application/json", valid)
                .expect("signature: missing", 401, "X-Hub-Signature-256"));
        return cases;
    }
}
