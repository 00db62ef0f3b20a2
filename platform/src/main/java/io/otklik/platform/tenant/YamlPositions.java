package io.otklik.platform.tenant;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a scalar of tenants.yaml starts, and where a line and column inside its text lie in the file. A literal block
 * ({@code |}, also {@code >}) starts its text on the line after the indicator, indented; a plain or quoted scalar
 * starts at its first character (after the quote). Escapes in a double-quoted scalar and the folding of a multi-line
 * plain, quoted or {@code >} scalar can shift a position after the first line; the line inside the text is always
 * given too.
 */
final class YamlPositions {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** A position in the file: 1-based line and column. */
    record Position(int line, int column) {
    }

    /** Where a scalar's text starts, and whether it is a block ({@code |} or {@code >}) that keeps its lines. */
    record Start(Position at, boolean block) {

        /** Line {@code textLine}, column {@code textColumn} of the text, in the file. */
        Position of(int textLine, int textColumn) {
            if (textLine <= 1) {
                return new Position(at.line(), at.column() + textColumn - 1);
            }
            // a block keeps its lines and their indentation; a flow scalar has more lines only through escapes,
            // so its start is the nearest thing to name
            return block ? new Position(at.line() + textLine - 1, at.column() + textColumn - 1) : at;
        }
    }

    private YamlPositions() {
    }

    /**
     * @param pointer the scalar's JSON pointer, e.g. {@code /tenants/0/rules}
     * @return where that scalar's text starts, or empty when the file has no such scalar
     */
    static Optional<Start> textStart(String yaml, String pointer) {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING && pointer.equals(p.getParsingContext().pathAsPointer()
                        .toString())) {
                    JsonLocation at = p.currentTokenLocation();
                    return Optional.of(start(yaml, at.getLineNr(), at.getColumnNr()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the file parsed before this is asked; should it not now, the position is simply not known
        }
        return Optional.empty();
    }

    /** The first character of the scalar's text, given where the scalar (or its block indicator) starts. */
    static Start start(String yaml, int line, int column) {
        String[] lines = yaml.split("\r?\n", -1);
        String first = line - 1 < lines.length ? lines[line - 1] : "";
        char c = column - 1 < first.length() ? first.charAt(column - 1) : ' ';
        if (c == '|' || c == '>') {
            // the text's first line is the next one; its indentation is that of the first line that is not blank
            for (int l = line; l < lines.length; l++) {
                if (!lines[l].isBlank()) {
                    int indent = lines[l].length() - lines[l].stripLeading().length();
                    return new Start(new Position(line + 1, indent + 1), true);
                }
            }
            return new Start(new Position(line + 1, 1), true);
        }
        return new Start(c == '"' || c == '\'' ? new Position(line, column + 1) : new Position(line, column), false);
    }
}
