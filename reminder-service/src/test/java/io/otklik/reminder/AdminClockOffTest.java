package io.otklik.reminder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * With the default configuration (otklik.clock.adjustable unset = false) the service runs on the real clock and
 * the admin clock endpoint does not exist, whatever the key.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_reminder_test"))
class AdminClockOffTest {

    @Test
    void theClockEndpointIs404WhenTheClockIsReal() {
        given().header("X-Api-Key", AdminClockTest.ADMIN_KEY).get("/api/v1/admin/clock").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("OTKLIK_CLOCK_ADJUSTABLE"));
        given().header("X-Api-Key", AdminClockTest.ADMIN_KEY).contentType("application/json")
                .body("{\"advance\":\"PT1H\"}").post("/api/v1/admin/clock").then()
                .statusCode(404);
        given().contentType("application/json").body("{\"advance\":\"PT1H\"}").post("/api/v1/admin/clock").then()
                .statusCode(404);
    }
}
