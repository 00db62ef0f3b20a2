package io.otklik.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A service's /q/metrics (Prometheus text format) as series → value. */
public final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Prometheus() {
    }

    /** The series of a service, or an empty map when /q/metrics cannot be read. */
    public static Map<String, Double> scrape(String baseUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? parse(r.body()) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    static Map<String, Double> parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            try {
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // not a sample
            }
        }
        return series;
    }

    /** The sum over every series of this metric name whose labels pass {@code labels}, after − before. */
    public static double delta(Map<String, Double> before, Map<String, Double> after, String name,
                               Predicate<String> labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    static double sum(Map<String, Double> series, String name, Predicate<String> labels) {
        double s = 0;
        for (Map.Entry<String, Double> e : series.entrySet()) {
            String key = e.getKey();
            int brace = key.indexOf('{');
            String metric = brace < 0 ? key : key.substring(0, brace);
            if (metric.equals(name) && labels.test(brace < 0 ? "" : key.substring(brace))) {
                s += e.getValue();
            }
        }
        return s;
    }
}
