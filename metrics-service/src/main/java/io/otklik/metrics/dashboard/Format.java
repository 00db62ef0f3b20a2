package io.otklik.metrics.dashboard;

import java.util.Locale;

/** Numbers as a Russian reader expects them: a decimal comma, a space before %, plural forms. */
public final class Format {

    static final Locale RU = Locale.forLanguageTag("ru-RU");

    private Format() {
    }

    /** 0.1234 → "12 %"; small shares keep a decimal: 0.034 → "3,4 %". */
    public static String percent(double share) {
        double value = share * 100;
        return (value > 0 && value < 10 ? String.format(RU, "%.1f", value) : String.format(RU, "%.0f", value))
                + " %";
    }

    /** A p-value: "0,012", or "< 0,001". */
    public static String p(double p) {
        return p < 0.001 ? "< 0,001" : String.format(RU, "%.3f", p);
    }

    /** Milliseconds as seconds: 1234 → "1,2 с"; null → "—". */
    public static String seconds(Long millis) {
        return millis == null ? "—" : String.format(RU, "%.1f с", millis / 1000.0);
    }

    /** 3.456 → "3,5"; null → "—". */
    public static String decimal(Double value) {
        return value == null ? "—" : String.format(RU, "%.1f", value);
    }

    /** "1 запись", "3 записи", "5 записей". */
    public static String bookings(long n) {
        return n + " " + plural(n, "запись", "записи", "записей");
    }

    static String plural(long n, String one, String few, String many) {
        long tens = n % 100;
        long units = n % 10;
        if (tens >= 11 && tens <= 14) {
            return many;
        }
        if (units == 1) {
            return one;
        }
        return units >= 2 && units <= 4 ? few : many;
    }
}
