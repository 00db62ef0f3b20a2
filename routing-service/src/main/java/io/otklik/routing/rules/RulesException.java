package io.otklik.routing.rules;

/** A rules text that cannot be accepted: where (1-based line and column) and why. */
public class RulesException extends IllegalArgumentException {

    private final int line;
    private final int column;
    private final String reason;

    public RulesException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
