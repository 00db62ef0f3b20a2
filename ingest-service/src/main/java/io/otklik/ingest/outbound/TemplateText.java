package io.otklik.ingest.outbound;

/**
 * Makes text fit a WhatsApp template body parameter: Meta refuses parameters with new lines or tabs, or with more
 * than 4 spaces in a row (error 132018), and caps the template body's length.
 */
public final class TemplateText {

    private TemplateText() {
    }

    public static String safe(String text, int limit) {
        if (text == null) {
            return "";
        }
        String flat = text.strip()
                .replaceAll("\\s*[\\r\\n]+\\s*", " ")
                .replace('\t', ' ')
                .replaceAll(" {5,}", "    ");
        if (flat.length() <= limit) {
            return flat;
        }
        int cut = limit - 1;
        if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
            cut--;
        }
        return flat.substring(0, cut).stripTrailing() + "…";
    }
}
