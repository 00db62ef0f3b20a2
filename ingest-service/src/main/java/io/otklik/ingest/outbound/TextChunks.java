package io.otklik.ingest.outbound;

import java.util.ArrayList;
import java.util.List;

/** Splits a text into pieces a messenger accepts (4096 characters), preferring line and word breaks. */
public final class TextChunks {

    private TextChunks() {
    }

    public static List<String> split(String text, int limit) {
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut < limit / 2) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
            }
            chunks.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || chunks.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }
}
