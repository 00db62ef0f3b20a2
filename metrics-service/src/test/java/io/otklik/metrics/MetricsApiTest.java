package io.otklik.metrics;

import static io.otklik.metrics.TestEvents.ADMIN_KEY;
import static io.otklik.metrics.TestEvents.SALON_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who may read which numbers, and what a bad query is told. */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_metrics_test"))
class MetricsApiTest {

    @Test
    void withoutAValidKeyIs401() {
        given().get("/api/v1/metrics").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", containsString("X-Api-Key"));
        given().header("X-Api-Key", "guess").get("/api/v1/metrics").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Api-Key", ADMIN_KEY + "x").get("/api/v1/metrics").then().statusCode(401);
    }

    @Test
    void aTenantKeySeesOnlyItsTenant() {
        given().header("X-Api-Key", SALON_KEY).queryParam("tenant", "demo-clinic").get("/api/v1/metrics")
                .then().statusCode(403).contentType("application/problem+json").body("field", equalTo("tenant"))
                .body("detail", containsString("demo-salon"));
        given().header("X-Api-Key", SALON_KEY).queryParam("tenant", "demo-salon").get("/api/v1/metrics")
                .then().statusCode(200).body("tenant", equalTo("demo-salon"));
        given().header("X-Api-Key", ADMIN_KEY).queryParam("tenant", "nobody").get("/api/v1/metrics")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nobody"));
    }

    @Test
    void badParametersAre400NamingTheField() {
        given().header("X-Api-Key", SALON_KEY).queryParam("from", "yesterday").get("/api/v1/metrics")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("from"))
                .body("detail", containsString("'yesterday' is not an ISO-8601 instant"));
        given().header("X-Api-Key", SALON_KEY).queryParam("to", "2020-02-30").get("/api/v1/metrics")
                .then().statusCode(400).body("field", equalTo("to"));
        given().header("X-Api-Key", SALON_KEY).queryParam("from", "2020-03-15T00:00:00Z")
                .queryParam("to", "2020-03-14T00:00:00Z").get("/api/v1/metrics")
                .then().statusCode(400).body("field", equalTo("from")).body("detail", containsString("before"));
        given().header("X-Api-Key", ADMIN_KEY).queryParam("channel", "SMS").get("/api/v1/metrics")
                .then().statusCode(400).body("field", equalTo("channel"))
                .body("detail", containsString("WHATSAPP, TELEGRAM, INSTAGRAM, WEB_FORM"));
    }

    @Test
    void withoutAWindowItIsTheLastSevenDays() {
        Instant before = Instant.now();
        JsonNode r = TestEvents.json(given().header("X-Api-Key", ADMIN_KEY).get("/api/v1/metrics")
                .then().statusCode(200).extract().asString());
        Instant from = Instant.parse(r.get("from").asText());
        Instant to = Instant.parse(r.get("to").asText());
        assertThat(to).isBetween(before, Instant.now());
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(7));
        assertThat(r.get("tenant").asText()).isEqualTo("*");
        assertThat(r.get("by_channel").size()).isEqualTo(4);
    }
}
