package io.otklik.ingest.outbound;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Builds the REST clients of the channel APIs with one base URL and one timeout for connect and read. */
public final class RestClients {

    private RestClients() {
    }

    public static <T> T build(Class<T> api, String baseUrl, Duration timeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }
}
