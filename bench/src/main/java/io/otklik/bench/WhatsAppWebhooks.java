package io.otklik.bench;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WhatsApp Cloud API webhook bodies (one inbound text message, the shape Meta sends) and their
 * {@code X-Hub-Signature-256}. Built by hand rather than through a JSON tree: the generator makes hundreds per second
 * on a machine it shares with the suite.
 */
public final class WhatsAppWebhooks {

    /** Client texts the bodies cycle through: escaped as Meta sends non-ASCII ({@code \\uXXXX}). */
    private static final String[] TEXTS = {
        escape("Здравствуйте! Хочу записаться на стрижку в субботу"),
        escape("Сколько стоит маникюр?"),
        escape("Можно перенести запись на завтра?"),
        escape("Добрый день, есть свободное время сегодня вечером?"),
    };
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String phoneNumberId;
    private final Mac mac;

    /** @param appSecret the tenant's WhatsApp app secret (the HMAC key) */
    public WhatsAppWebhooks(String phoneNumberId, String appSecret) {
        this.phoneNumberId = phoneNumberId;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The body of a webhook with one text message.
     *
     * @param wamid  the message id (unique per request: the service deduplicates on it)
     * @param waId   the client's WhatsApp id (digits)
     * @param seq    picks the text
     */
    public byte[] textMessage(String wamid, String waId, String name, long seq, long epochSecond) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"" + phoneNumberId + "\"},\"contacts\":[{\"profile\":{\"name\":\"" + name
                + "\"},\"wa_id\":\"" + waId + "\"}],\"messages\":[{\"from\":\"" + waId + "\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + epochSecond + "\",\"type\":\"text\",\"text\":{\"body\":\""
                + TEXTS[(int) Math.floorMod(seq, TEXTS.length)] + "\"}}]},\"field\":\"messages\"}]}]}";
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code sha256=<lowercase hex HMAC-SHA256(body, app secret)>}. Not thread-safe (one Mac). */
    public String sign(byte[] body) {
        byte[] digest = mac.doFinal(body);
        char[] out = new char[7 + digest.length * 2];
        "sha256=".getChars(0, 7, out, 0);
        for (int i = 0; i < digest.length; i++) {
            out[7 + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[8 + 2 * i] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    /** JSON string content with every non-ASCII character as a {@code \\uXXXX} escape, as Meta sends it. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 6);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
