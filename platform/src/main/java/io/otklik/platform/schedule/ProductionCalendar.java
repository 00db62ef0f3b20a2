package io.otklik.platform.schedule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Russian production calendar: public holidays, weekdays made days off by a transfer and weekends made working
 * days. Data, not code: {@code calendar/ru-production-calendar.yaml} on the classpath, one entry per year with the
 * decree it follows.
 */
public final class ProductionCalendar {

    /** The classpath resource with the official calendar. */
    public static final String RESOURCE = "calendar/ru-production-calendar.yaml";

    private static volatile ProductionCalendar russia;

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> workingDays = new HashSet<>();
    private final Map<Integer, Year> years;

    /** One year of the calendar as the resource states it. */
    @RegisterForReflection
    public record Year(String decree, Boolean provisional, List<LocalDate> holidays, List<LocalDate> daysOff,
                       List<LocalDate> workingDays) {

        public Year {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
            workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
            provisional = provisional != null && provisional;
        }
    }

    @RegisterForReflection
    record File(Map<Integer, Year> years) {
    }

    public ProductionCalendar(Map<Integer, Year> years) {
        this.years = new TreeMap<>(years);
        years.values().forEach(y -> {
            holidays.addAll(y.holidays());
            daysOff.addAll(y.daysOff());
            workingDays.addAll(y.workingDays());
        });
    }

    /** The calendar shipped with the service (read once). */
    public static ProductionCalendar russia() {
        ProductionCalendar c = russia;
        if (c == null) {
            synchronized (ProductionCalendar.class) {
                if (russia == null) {
                    russia = load();
                }
                c = russia;
            }
        }
        return c;
    }

    static ProductionCalendar load() {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory()).addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = ProductionCalendar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the production calendar " + RESOURCE + " is not on the classpath");
            }
            return new ProductionCalendar(yaml.readValue(in, File.class).years());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A non-working public holiday (Labour Code art. 112), on whatever weekday. */
    public boolean holiday(LocalDate date) {
        return holidays.contains(date);
    }

    /** A holiday or a weekday made a day off by a transfer: a business that follows the calendar is closed. */
    public boolean dayOff(LocalDate date) {
        return holidays.contains(date) || daysOff.contains(date);
    }

    /** A Saturday or Sunday made a working day by a transfer. */
    public boolean workingWeekend(LocalDate date) {
        return workingDays.contains(date);
    }

    /** The years the data covers, with their decrees. */
    public Map<Integer, Year> years() {
        return years;
    }
}
