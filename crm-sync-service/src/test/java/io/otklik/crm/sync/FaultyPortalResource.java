package io.otklik.crm.sync;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.otklik.testkit.FakeBitrix24;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server with the stateful {@link FakeBitrix24} behind demo-salon's webhook URL: 30 % of requests answer
 * 503 QUERY_LIMIT_EXCEEDED, 4 % do their work and answer after 5 s (the client gives up after 1 s), 5 % of batch
 * commands fail alone in result_error.
 */
public class FaultyPortalResource implements QuarkusTestResourceLifecycleManager {

    static final String WEBHOOK_PATH = "/rest/1/faultcode";
    static volatile FakeBitrix24 fake;
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        fake = new FakeBitrix24(7).faults(0.30, 0.04, 5000, 0.05);
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(40).extensions(fake));
        server.start();
        fake.install(server, WEBHOOK_PATH);
        return Map.of("OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK", server.baseUrl() + WEBHOOK_PATH);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
