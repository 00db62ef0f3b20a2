package io.otklik.nlu.model;

import io.otklik.events.data.Intent;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A labelled TSV file: UTF-8, a header naming at least the columns {@code text} and {@code intent} (others, like
 * {@code segment}, are kept but optional), then one message per line. Every problem is reported with its line.
 */
public final class LabelledData {

    /** One labelled message. */
    public record Example(String text, Intent intent, String segment, int line) {
    }

    private LabelledData() {
    }

    /** Reads the file; throws {@link IllegalArgumentException} naming the file and the line of the first problem. */
    public static List<Example> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text", e);
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        String[] lines = content.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException(file + ": empty; the first line must be the header 'text<TAB>intent'");
        }
        List<String> header = Arrays.asList(lines[0].strip().split("\t", -1));
        int textAt = header.indexOf("text");
        int intentAt = header.indexOf("intent");
        int segmentAt = header.indexOf("segment");
        if (textAt < 0 || intentAt < 0) {
            throw new IllegalArgumentException(file + ":1: the header must name the columns 'text' and 'intent'"
                    + " separated by a TAB, found '" + lines[0] + "'");
        }
        List<Example> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            int where = i + 1;
            if (cells.length < header.size()) {
                throw new IllegalArgumentException(file + ":" + where + ": expected " + header.size()
                        + " TAB-separated columns, found " + cells.length);
            }
            String intentName = cells[intentAt].strip();
            Intent intent = Arrays.stream(Intent.values()).filter(v -> v.name().equals(intentName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ":" + where + ": unknown intent '"
                            + intentName + "', expected one of " + Arrays.toString(Intent.values())));
            String text = cells[textAt].strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + where + ": empty text");
            }
            out.add(new Example(text, intent, segmentAt >= 0 ? cells[segmentAt].strip() : null, where));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no labelled messages after the header");
        }
        return out;
    }
}
