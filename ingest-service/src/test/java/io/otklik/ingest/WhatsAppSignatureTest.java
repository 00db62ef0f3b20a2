package io.otklik.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.ingest.whatsapp.WhatsAppSignature;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The reference test vector of X-Hub-Signature-256 (shared/reference/wire-formats.md §1.2). */
class WhatsAppSignatureTest {

    static final String VECTOR_SIGNATURE = "sha256=2bae239039268fc098653ee3e35521210ec0905557275a7478557c784e100f47";

    static byte[] vectorBody() throws IOException {
        try (InputStream in = WhatsAppSignatureTest.class.getResourceAsStream("/fixtures/whatsapp-signed-body.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void referenceVectorMatchesOverTheRawBytes() throws IOException {
        byte[] body = vectorBody();
        assertThat(body).hasSize(469);
        assertThat(WhatsAppSignature.sign(body, "test_app_secret")).isEqualTo(VECTOR_SIGNATURE);
        assertThat(WhatsAppSignature.matches(body, VECTOR_SIGNATURE, "test_app_secret")).isTrue();
        assertThat(WhatsAppSignature.matches(body, VECTOR_SIGNATURE.toUpperCase().replace("SHA256", "sha256"),
                "test_app_secret")).isTrue();
    }

    @Test
    void anyChangeToBodySecretOrHeaderFails() throws IOException {
        byte[] body = vectorBody();
        byte[] tampered = body.clone();
        tampered[tampered.length - 5] = 'X';
        assertThat(WhatsAppSignature.matches(tampered, VECTOR_SIGNATURE, "test_app_secret")).isFalse();
        assertThat(WhatsAppSignature.matches(body, VECTOR_SIGNATURE, "other_secret")).isFalse();
        assertThat(WhatsAppSignature.matches(body, VECTOR_SIGNATURE.substring(7), "test_app_secret")).isFalse();
        assertThat(WhatsAppSignature.matches(body, null, "test_app_secret")).isFalse();
        assertThat(WhatsAppSignature.matches(body, VECTOR_SIGNATURE, null)).isFalse();
    }
}
