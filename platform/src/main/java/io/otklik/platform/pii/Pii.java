package io.otklik.platform.pii;

/** Masks personal data before it reaches a log line: logs carry ids, never phones or names. */
public final class Pii {

    private Pii() {
    }

    /** "+79161234567" → "+7916*****67"; anything shorter than 6 characters becomes "***". */
    public static String phone(String phone) {
        if (phone == null) {
            return "-";
        }
        String p = phone.strip();
        if (p.length() < 6) {
            return "***";
        }
        int keepStart = Math.min(5, p.length() - 4);
        return p.substring(0, keepStart) + "*".repeat(p.length() - keepStart - 2) + p.substring(p.length() - 2);
    }

    /** "Иван Петров" → "И*** П***". */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "-";
        }
        StringBuilder masked = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.appendCodePoint(part.codePointAt(0)).append("***");
        }
        return masked.toString();
    }
}
