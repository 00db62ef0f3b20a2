package io.otklik.ingest.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The bad requests of one endpoint family. A new endpoint joins the corpus by implementing this and being listed in
 * {@link BadRequestCorpusTest#ENDPOINTS}; bodies dropped in {@code src/test/resources/bad-requests/<name>/} are
 * picked up by {@link #files()} for the endpoint to wrap (sign, authenticate) as it must.
 */
public interface CorpusEndpoint {

    /** The endpoint family's name, also its directory under {@code bad-requests/}. */
    String name();

    List<BadCase> cases();

    /** 256 KiB + 1: over {@code quarkus.http.limits.max-body-size}. */
    static byte[] oversized() {
        byte[] body = new byte[256 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return body;
    }

    /** The bodies under {@code bad-requests/<name>/}, by file name, in name order. */
    default Map<String, byte[]> files() {
        URL dir = CorpusEndpoint.class.getResource("/bad-requests/" + name());
        Map<String, byte[]> bodies = new TreeMap<>();
        if (dir == null) {
            return bodies;
        }
        try (Stream<Path> paths = Files.list(Path.of(dir.toURI()))) {
            for (Path p : paths.toList()) {
                bodies.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    /** Bodies that are not a JSON object at all, shared by every JSON endpoint. */
    static List<String[]> notJsonObjects() {
        List<String[]> bodies = new ArrayList<>();
        bodies.add(new String[] {"empty body", ""});
        bodies.add(new String[] {"truncated JSON", "{\"a\":"});
        bodies.add(new String[] {"plain text", "hello"});
        bodies.add(new String[] {"JSON array", "[1,2,3]"});
        bodies.add(new String[] {"JSON string", "\"text\""});
        bodies.add(new String[] {"JSON number", "42"});
        bodies.add(new String[] {"JSON null", "null"});
        bodies.add(new String[] {"single quotes", "{'a':'b'}"});
        bodies.add(new String[] {"trailing garbage", "{\"a\":1} x"});
        bodies.add(new String[] {"nested 5000 deep", "[".repeat(5000) + "]".repeat(5000)});
        return bodies;
    }
}
