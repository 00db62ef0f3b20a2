package io.otklik.crm.amocrm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One tenant, "amo-clinic", whose CRM is amoCRM played by the WireMock server {@link #AMO} (its base URL is only
 * known at run time, so the tenants file is written here).
 */
public class AmoCrmTenant implements QuarkusTestProfile {

    public static final String TENANT = "amo-clinic";
    public static final String TOKEN = "amo-test-long-lived-token";
    public static final String WEBHOOK_TOKEN = "amo-test-webhook-secret";
    public static final long PIPELINE = 7123456;
    public static final long STAGE_NEW = 61234567;
    public static final long STAGE_IN_PROCESSING = 61234568;
    public static final long STAGE_CONFIRMED = 61234569;
    public static final WireMockServer AMO = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    @Override
    public Map<String, String> getConfigOverrides() {
        if (!AMO.isRunning()) {
            AMO.start();
        }
        try {
            Path file = Files.createTempFile("tenants-amocrm", ".yaml");
            Files.writeString(file, """
                    tenants:
                      - id: %s
                        name: "Клиника на amoCRM"
                        timezone: Europe/Moscow
                        segment: clinic
                        crm:
                          type: amocrm
                          baseUrl: "%s"
                          accessTokenEnv: OTKLIK_AMO_CLINIC_AMOCRM_TOKEN
                          applicationTokenEnv: OTKLIK_AMO_CLINIC_AMOCRM_WEBHOOK_TOKEN
                          pipelineId: %d
                          statuses: { NEW: "%d", IN_PROCESSING: "%d", CONFIRMED: "%d" }
                        services:
                          - { code: cleaning, name: "Чистка зубов", price: 5000, durationMinutes: 60, keywords: ["чистк"] }
                    """.formatted(TENANT, AMO.baseUrl(), PIPELINE, STAGE_NEW, STAGE_IN_PROCESSING, STAGE_CONFIRMED));
            file.toFile().deleteOnExit();
            return Map.of("otklik.tenants.file", file.toString(),
                    "OTKLIK_AMO_CLINIC_AMOCRM_TOKEN", TOKEN,
                    "OTKLIK_AMO_CLINIC_AMOCRM_WEBHOOK_TOKEN", WEBHOOK_TOKEN,
                    "otklik.crm.amocrm.timeout", "2s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
