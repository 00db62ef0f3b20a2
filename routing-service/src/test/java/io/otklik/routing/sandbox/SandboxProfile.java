package io.otklik.routing.sandbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The sandbox tests' own tenants (src/test/resources/tenants-sandbox.yaml), so the demo tenants stay live. */
public class SandboxProfile implements QuarkusTestProfile {

    static final String TENANTS = "src/test/resources/tenants-sandbox.yaml";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("otklik.tenants.file", TENANTS, "%test.otklik.tenants.file", TENANTS);
    }
}
