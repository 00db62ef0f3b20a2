package io.otklik.routing.rules;

import io.otklik.events.data.Channel;
import io.otklik.events.data.Intent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a tenant's routing rules (the grammar is in the module README, "Routing rules"). Hand-written recursive
 * descent so every refusal names its line, column and reason. Pure; knows nothing of the tenant (see
 * {@link RuleSet#validate}).
 *
 * <pre>
 * rules     = branch { [";"] branch } [";"]
 * branch    = ("if" | "elif") or ARROW action | "else" ARROW action
 * or        = and { "or" and }
 * and       = unary { "and" unary }
 * unary     = "not" unary | "(" or ")" | fact
 * fact      = ("response_time" | "specialist_free_within") cmp DURATION
 *           | ("channel" | "source" | "intent" | "segment") ("==" | "!=") VALUE
 *           | ("channel" | "source" | "intent" | "segment") ["not"] "in" "(" VALUE { "," VALUE } ")"
 *           | "weekday" ("==" | "!=") DAY | "weekday" ["not"] "in" (DAY ".." DAY | "(" DAY { "," DAY } ")")
 *           | TIME DASH TIME
 *           | "client_repeat" | "urgent" | "fallback" | "holiday" | "workday" | "business_hours"
 * action    = target { "+" modifier }
 * target    = "bot" | "on-duty" ["manager" | "administrator" | "admin"] | "owner"
 *           | "specialist" ["with" SKILL] | "person" STAFF_ID | "@" STAFF_ID
 * modifier  = "suggest" "booking" | "notify" | "P1" | "P2" | "P3"
 * ARROW     = "→" | "->"        DASH = "–" | "-"        TIME = hh:mm        DURATION = NUMBER ("s"|"min"|"h")
 * </pre>
 */
public final class RulesParser {

    static final List<String> FLAGS = List.of("client_repeat", "urgent", "fallback", "holiday", "workday",
            "business_hours");
    static final List<String> FACTS = List.of("response_time", "specialist_free_within", "channel", "source",
            "intent", "segment", "weekday", "client_repeat", "urgent", "fallback", "holiday", "workday",
            "business_hours", "hh:mm–hh:mm");
    static final Set<String> SEGMENTS = Set.of("salon", "clinic", "fitness", "services");
    private static final Map<String, String> INTENT_ALIASES = Map.of("booking", "BOOK", "consultation", "INFO",
            "question", "INFO");
    private static final Map<String, Duration> UNITS = Map.ofEntries(Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("sec", Duration.ofSeconds(1)), Map.entry("m", Duration.ofMinutes(1)),
            Map.entry("min", Duration.ofMinutes(1)), Map.entry("mins", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)));

    enum Kind { IDENT, NUMBER, TIME, STRING, ARROW, DASH, OP, LPAREN, RPAREN, SEMI, PLUS, COMMA, DOTDOT, AT, EOF }

    record Token(Kind kind, String text, int line, int column, int offset) {
    }

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private RulesParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    /** Parses a rules text; an empty or blank text has no rules. */
    public static RuleSet parse(String text) {
        if (text == null || text.isBlank()) {
            return new RuleSet(text, List.of());
        }
        return new RulesParser(text).rules();
    }

    // ---- grammar ----

    private RuleSet rules() {
        List<Rule> rules = new ArrayList<>();
        boolean sawElse = false;
        while (peek().kind() != Kind.EOF) {
            Token start = next();
            String kw = lower(start);
            if (start.kind() != Kind.IDENT || !(kw.equals("if") || kw.equals("elif") || kw.equals("else"))) {
                throw error(start, rules.isEmpty() ? "a rule starts with 'if', found " + describe(start)
                        : "expected ';' or the next 'elif' after the action, found " + describe(start));
            }
            if (sawElse) {
                throw error(start, "'else' must be the last rule; nothing may follow it");
            }
            if (rules.isEmpty() && !kw.equals("if")) {
                throw error(start, "dangling '" + kw + "': the rules must begin with 'if'");
            }
            Condition condition = null;
            if (!kw.equals("else")) {
                if (atArrow() || atEnd()) {
                    throw error(peek(), "missing condition after '" + kw + "'");
                }
                condition = or();
            } else {
                sawElse = true;
            }
            Token arrow = peek();
            if (arrow.kind() != Kind.ARROW) {
                throw error(arrow, arrow.kind() == Kind.EOF || arrow.kind() == Kind.SEMI
                        ? "missing action: expected '→' (or '->') and an action after the condition"
                        : "expected 'and', 'or' or '→' after the condition, found " + describe(arrow));
            }
            next();
            RuleAction action = action();
            int end = peek().offset();
            String text = source.substring(start.offset(), end).strip();
            rules.add(new Rule("rule-" + (rules.size() + 1), start.line(), start.column(), condition, action,
                    text.replaceAll("\\s+", " ")));
            if (peek().kind() == Kind.SEMI) {
                next();
            }
        }
        return new RuleSet(source, rules);
    }

    private Condition or() {
        Condition left = and();
        while (isWord(peek(), "or")) {
            next();
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (isWord(peek(), "and")) {
            next();
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        Token t = peek();
        if (isWord(t, "not")) {
            next();
            return new Condition.Not(unary());
        }
        if (t.kind() == Kind.LPAREN) {
            next();
            Condition inner = or();
            expect(Kind.RPAREN, "')' to close the '(' at line " + t.line() + ", column " + t.column());
            return inner;
        }
        return fact();
    }

    private Condition fact() {
        Token t = next();
        if (t.kind() == Kind.TIME) {
            return window(t);
        }
        if (t.kind() != Kind.IDENT) {
            throw error(t, t.kind() == Kind.ARROW || t.kind() == Kind.EOF || t.kind() == Kind.SEMI
                    ? "missing condition" : "expected a condition, found " + describe(t));
        }
        String name = lower(t);
        if (FLAGS.contains(name)) {
            return new Condition.Flag(name);
        }
        return switch (name) {
            case "response_time" -> new Condition.ResponseTime(cmp(), duration());
            case "specialist_free_within" -> new Condition.SpecialistFree(cmp(), duration());
            case "channel" -> {
                Membership m = membership();
                Set<Channel> channels = EnumSet.noneOf(Channel.class);
                for (Token v : m.values()) {
                    channels.add(channel(v));
                }
                yield new Condition.ChannelIs(channels, m.negated());
            }
            case "source" -> {
                Membership m = membership();
                Set<String> sources = new LinkedHashSet<>();
                m.values().forEach(v -> sources.add(lower(v)));
                yield new Condition.SourceIs(sources, m.negated());
            }
            case "intent" -> {
                Membership m = membership();
                Set<String> intents = new LinkedHashSet<>();
                for (Token v : m.values()) {
                    intents.add(intent(v));
                }
                yield new Condition.IntentIs(intents, m.negated());
            }
            case "segment" -> {
                Membership m = membership();
                Set<String> segments = new LinkedHashSet<>();
                for (Token v : m.values()) {
                    if (!SEGMENTS.contains(lower(v))) {
                        throw error(v, "unknown segment '" + v.text() + "' (salon, clinic, fitness or services)");
                    }
                    segments.add(lower(v));
                }
                yield new Condition.SegmentIs(segments, m.negated());
            }
            case "weekday" -> weekday();
            default -> throw error(t, "unknown condition '" + t.text() + "' (known: " + String.join(", ", FACTS)
                    + ")");
        };
    }

    private record Membership(List<Token> values, boolean negated) {
    }

    /** {@code == V}, {@code != V}, {@code in (V, …)}, {@code not in (V, …)}. */
    private Membership membership() {
        Token op = next();
        if (op.kind() == Kind.OP && (op.text().equals("==") || op.text().equals("!="))) {
            return new Membership(List.of(value()), op.text().equals("!="));
        }
        boolean negated = false;
        if (isWord(op, "not")) {
            negated = true;
            op = next();
        }
        if (isWord(op, "in")) {
            expect(Kind.LPAREN, "'(' and a list of values after 'in'");
            List<Token> values = new ArrayList<>();
            values.add(value());
            while (peek().kind() == Kind.COMMA) {
                next();
                values.add(value());
            }
            expect(Kind.RPAREN, "')' to close the list of values");
            return new Membership(values, negated);
        }
        throw error(op, "expected '==', '!=' or 'in' after the condition, found " + describe(op));
    }

    private Token value() {
        Token v = next();
        if (v.kind() != Kind.IDENT && v.kind() != Kind.STRING) {
            throw error(v, "expected a value, found " + describe(v));
        }
        return v;
    }

    private Condition.Cmp cmp() {
        Token op = next();
        if (op.kind() == Kind.OP) {
            switch (op.text()) {
                case "<": return Condition.Cmp.LT;
                case "<=": return Condition.Cmp.LE;
                case ">": return Condition.Cmp.GT;
                case ">=": return Condition.Cmp.GE;
                default: break;
            }
        }
        throw error(op, "expected '<', '<=', '>' or '>=' before a duration, found " + describe(op));
    }

    private Duration duration() {
        Token n = next();
        if (n.kind() != Kind.NUMBER) {
            throw error(n, "bad duration: expected a number with a unit like 5min, 30s or 2h, found " + describe(n));
        }
        Token unit = peek();
        if (unit.kind() != Kind.IDENT || unit.offset() != n.offset() + n.text().length()
                && !UNITS.containsKey(lower(unit))) {
            throw error(unit, "bad duration '" + n.text() + "': the unit is missing (s, min or h, e.g. 5min)");
        }
        if (!UNITS.containsKey(lower(unit))) {
            throw error(unit, "bad duration: unknown unit '" + unit.text() + "' (use s, min or h)");
        }
        next();
        long amount;
        try {
            amount = Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw error(n, "bad duration: '" + n.text() + "' is too large");
        }
        if (amount <= 0 || amount > 100_000) {
            throw error(n, "bad duration: " + n.text() + unit.text() + " must be positive and at most 100000");
        }
        return UNITS.get(lower(unit)).multipliedBy(amount);
    }

    private Condition window(Token from) {
        Token dash = next();
        if (dash.kind() != Kind.DASH) {
            throw error(dash, "bad time window: expected '–' between the two times, e.g. 09:00–18:00");
        }
        Token to = next();
        if (to.kind() != Kind.TIME) {
            throw error(to, "bad time window: expected the end time (hh:mm) after '–', found " + describe(to));
        }
        LocalTime a = time(from);
        LocalTime b = time(to);
        if (a.equals(b)) {
            throw error(from, "bad time window " + from.text() + "–" + to.text() + ": it is empty");
        }
        return new Condition.TimeWindow(a, b);
    }

    private LocalTime time(Token t) {
        String[] hm = t.text().split(":");
        int h = Integer.parseInt(hm[0]);
        int m = Integer.parseInt(hm[1]);
        if (hm[0].length() > 2 || hm[1].length() != 2 || h > 24 || m > 59 || h == 24 && m != 0) {
            throw error(t, "bad time window: '" + t.text() + "' is not a time of day (00:00–24:00)");
        }
        return h == 24 ? LocalTime.MAX : LocalTime.of(h, m);
    }

    private Condition weekday() {
        Token op = next();
        if (op.kind() == Kind.OP && (op.text().equals("==") || op.text().equals("!="))) {
            return new Condition.WeekdayIn(EnumSet.of(day(next())), op.text().equals("!="));
        }
        boolean negated = false;
        if (isWord(op, "not")) {
            negated = true;
            op = next();
        }
        if (!isWord(op, "in")) {
            throw error(op, "expected '==', '!=' or 'in' after 'weekday', found " + describe(op));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (peek().kind() == Kind.LPAREN) {
            next();
            days.add(day(next()));
            while (peek().kind() == Kind.COMMA) {
                next();
                days.add(day(next()));
            }
            expect(Kind.RPAREN, "')' to close the list of days");
        } else {
            DayOfWeek first = day(next());
            expect(Kind.DOTDOT, "'..' in a range of days like Mon..Fri");
            DayOfWeek last = day(next());
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return new Condition.WeekdayIn(days, negated);
    }

    private DayOfWeek day(Token t) {
        String v = lower(t);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (t.kind() == Kind.IDENT && (v.equals(full) || v.equals(full.substring(0, 3)))) {
                return d;
            }
        }
        throw error(t, "unknown weekday " + describe(t) + " (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
    }

    private Channel channel(Token v) {
        String s = lower(v).replace("-", "").replace("_", "");
        for (Channel c : Channel.values()) {
            if (c.name().replace("_", "").toLowerCase(Locale.ROOT).equals(s)) {
                return c;
            }
        }
        throw error(v, "unknown channel '" + v.text() + "' (WhatsApp, Telegram, Instagram or WebForm)");
    }

    private String intent(Token v) {
        String s = lower(v);
        if (INTENT_ALIASES.containsKey(s)) {
            return INTENT_ALIASES.get(s);
        }
        for (Intent i : Intent.values()) {
            if (i.name().toLowerCase(Locale.ROOT).equals(s)) {
                return i.name();
            }
        }
        throw error(v, "unknown intent '" + v.text() + "' (BOOK, RESCHEDULE, CANCEL, CONFIRM, PRICE, INFO,"
                + " COMPLAINT, HUMAN, OTHER)");
    }

    private RuleAction action() {
        Token t = next();
        String w = lower(t);
        RuleAction.Target target;
        String role = null;
        String skill = null;
        String person = null;
        if (t.kind() == Kind.AT) {
            target = RuleAction.Target.PERSON;
            person = staffId();
        } else if (t.kind() != Kind.IDENT) {
            throw error(t, "missing action: expected bot, on-duty, owner, specialist or @staff-id after '→',"
                    + " found " + describe(t));
        } else {
            switch (w) {
                case "bot" -> target = RuleAction.Target.BOT;
                case "owner" -> {
                    target = RuleAction.Target.ROLE;
                    role = "owner";
                }
                case "on-duty", "on_duty", "onduty" -> {
                    target = RuleAction.Target.ROLE;
                    role = "on-duty";
                    if (isWord(peek(), "manager") || isWord(peek(), "administrator") || isWord(peek(), "admin")) {
                        next();
                    }
                }
                case "specialist" -> {
                    target = RuleAction.Target.ROLE;
                    role = "specialist";
                    if (isWord(peek(), "with")) {
                        next();
                        Token s = next();
                        if (s.kind() != Kind.IDENT && s.kind() != Kind.STRING) {
                            throw error(s, "expected a skill (a service code) after 'specialist with'");
                        }
                        skill = s.text();
                    }
                }
                case "person" -> {
                    target = RuleAction.Target.PERSON;
                    person = staffId();
                }
                default -> throw error(t, "unknown role '" + t.text() + "' (use bot, on-duty, owner, specialist"
                        + " [with skill], person <staff-id> or @staff-id)");
            }
        }
        boolean suggest = false;
        boolean notify = false;
        Priority priority = null;
        while (peek().kind() == Kind.PLUS) {
            next();
            Token m = next();
            String mw = lower(m);
            if (isWord(m, "suggest")) {
                Token b = next();
                if (!isWord(b, "booking")) {
                    throw error(b, "expected 'booking' after 'suggest'");
                }
                suggest = true;
            } else if (isWord(m, "notify")) {
                notify = true;
            } else if (m.kind() == Kind.IDENT && mw.matches("p[123]")) {
                if (priority != null) {
                    throw error(m, "the priority is given twice");
                }
                priority = Priority.valueOf(mw.toUpperCase(Locale.ROOT));
            } else {
                throw error(m, "unknown addition " + describe(m) + " after '+' (suggest booking, notify, P1, P2 or"
                        + " P3)");
            }
        }
        if (suggest && target != RuleAction.Target.BOT) {
            throw error(t, "'+ suggest booking' only goes with 'bot'");
        }
        return new RuleAction(target, role, skill, person, suggest, priority, notify);
    }

    private String staffId() {
        Token id = next();
        if (id.kind() != Kind.IDENT && id.kind() != Kind.STRING) {
            throw error(id, "expected a staff id, found " + describe(id));
        }
        return id.text();
    }

    // ---- helpers ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private boolean atArrow() {
        return peek().kind() == Kind.ARROW;
    }

    private boolean atEnd() {
        return peek().kind() == Kind.EOF || peek().kind() == Kind.SEMI;
    }

    private void expect(Kind kind, String what) {
        Token t = next();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + ", found " + describe(t));
        }
    }

    private static boolean isWord(Token t, String word) {
        return t.kind() == Kind.IDENT && t.text().equalsIgnoreCase(word);
    }

    private static String lower(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }

    private static String describe(Token t) {
        return t.kind() == Kind.EOF ? "the end of the rules" : "'" + t.text() + "'";
    }

    private static RulesException error(Token t, String reason) {
        return new RulesException(t.line(), t.column(), reason);
    }

    // ---- tokens ----

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '→') {
                out.add(new Token(Kind.ARROW, "→", line, col, i++));
            } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '>') {
                out.add(new Token(Kind.ARROW, "->", line, col, i));
                i += 2;
            } else if (c == '–' || c == '—' || c == '-') {
                out.add(new Token(Kind.DASH, String.valueOf(c), line, col, i++));
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                int j = i + 1;
                if (j < s.length() && s.charAt(j) == '=') {
                    j++;
                }
                String op = s.substring(i, j);
                if (op.equals("=") || op.equals("!")) {
                    throw new RulesException(line, col, "unknown operator '" + op + "' (use ==, !=, <, <=, >, >=)");
                }
                out.add(new Token(Kind.OP, op, line, col, i));
                i = j;
            } else if (c == '(' || c == ')' || c == ';' || c == '+' || c == ',' || c == '@') {
                Kind k = switch (c) {
                    case '(' -> Kind.LPAREN;
                    case ')' -> Kind.RPAREN;
                    case ';' -> Kind.SEMI;
                    case '+' -> Kind.PLUS;
                    case ',' -> Kind.COMMA;
                    default -> Kind.AT;
                };
                out.add(new Token(k, String.valueOf(c), line, col, i++));
            } else if (c == '.' && i + 1 < s.length() && s.charAt(i + 1) == '.') {
                out.add(new Token(Kind.DOTDOT, "..", line, col, i));
                i += 2;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                if (j < 0 || s.substring(i, j).indexOf('\n') >= 0) {
                    throw new RulesException(line, col, "unterminated quoted value");
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, j), line, col, i));
                i = j + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j + 1 < s.length() && s.charAt(j) == ':' && Character.isDigit(s.charAt(j + 1))) {
                    j++;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    out.add(new Token(Kind.TIME, s.substring(i, j), line, col, i));
                } else {
                    out.add(new Token(Kind.NUMBER, s.substring(i, j), line, col, i));
                }
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || s.charAt(j) == '-' && j + 1 < s.length() && Character.isLetter(s.charAt(j + 1)))) {
                    j++;
                }
                out.add(new Token(Kind.IDENT, s.substring(i, j), line, col, i));
                i = j;
            } else {
                throw new RulesException(line, col, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.EOF, "", line, s.length() - lineStart + 1, s.length()));
        return out;
    }
}
