package io.otklik.ingest.telegram;

import io.otklik.events.data.Utm;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Campaign tags carried by a Telegram deep link {@code https://t.me/<bot>?start=<payload>}, which the client's app
 * sends as {@code /start <payload>}. Telegram allows only {@code A-Z a-z 0-9 _ -} and at most 64 characters, so the
 * tags are joined with a double underscore, in UTM order:
 * {@code source__medium__campaign__content__term}; trailing ones may be left out and empty ones stay empty
 * ({@code vk____autumn_sale} has no medium). A single underscore or a hyphen belongs to the value:
 * {@code vk__cpc__autumn_sale} → source "vk", medium "cpc", campaign "autumn_sale".
 */
public final class StartPayload {

    private static final Pattern START = Pattern.compile("^/start(?:@[A-Za-z0-9_]+)?(?:\\s+(\\S+))?\\s*$");
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private StartPayload() {
    }

    /** Whether the text is the /start command (bare or with a payload). */
    public static boolean isStart(String text) {
        return text != null && START.matcher(text.strip()).matches();
    }

    /** The tags of a {@code /start <payload>} text; null for a bare /start or a payload outside Telegram's rules. */
    public static Utm utm(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = START.matcher(text.strip());
        if (!m.matches() || m.group(1) == null || !ALLOWED.matcher(m.group(1)).matches()) {
            return null;
        }
        String[] parts = m.group(1).split("__", -1);
        return new Utm(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4));
    }

    private static String part(String[] parts, int i) {
        return i < parts.length && !parts[i].isEmpty() ? parts[i] : null;
    }
}
