package io.otklik.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server standing in for an external SaaS API (WhatsApp Graph, Telegram Bot API, Bitrix24...). The init
 * arg {@code property} names the config keys (comma-separated) that receive the server's base URL plus the optional
 * {@code path}.
 * Tests get the server injected into a field annotated {@link InjectWireMock}.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;
    private String property;
    private String path;

    @Override
    public void init(Map<String, String> initArgs) {
        property = initArgs.get("property");
        path = initArgs.getOrDefault("path", "");
        if (property == null) {
            throw new IllegalArgumentException("WireMockResource needs the init arg 'property'");
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(true));
        server.start();
        Map<String, String> config = new java.util.HashMap<>();
        for (String key : property.split(",")) {
            config.put(key.trim(), server.baseUrl() + path);
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
