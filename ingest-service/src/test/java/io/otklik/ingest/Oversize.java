package io.otklik.ingest;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends a body larger than the server's limit and returns the status it answered.
 *
 * <p>The server answers 413 as soon as it sees the Content-Length and closes the connection; a client still
 * uploading then fails with "broken pipe" instead of reading the answer (a race the CI hit). Asking with
 * {@code Expect: 100-continue} lets the server refuse before the body leaves, which is what HTTP intends for large
 * uploads, so the test reads the 413 every time.
 */
public final class Oversize {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Oversize() {
    }

    /** The status and body the application answered to {@code method path} with this oversized body. */
    public static HttpResponse<String> send(String method, String path, Map<String, String> headers,
                                            String contentType, byte[] body) {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).expectContinue(true)
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("sending " + body.length + " bytes to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
