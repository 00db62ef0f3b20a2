package io.otklik.ingest.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.EventTypes;
import io.otklik.testkit.KafkaEvents;
import io.otklik.testkit.OtklikInfraResource;
import io.otklik.testkit.WireMockResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every endpoint gets wrong credentials, broken and oddly shaped bodies, bad ids, phones,
 * dates and oversized bodies. Each must be refused with its 4xx (problem+json naming what is wrong), and afterwards
 * no case may have produced a 5xx, a {@code message_received} event or an {@code inbound_message} row.
 * A new endpoint joins by adding its {@link CorpusEndpoint} to {@link #ENDPOINTS}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_ingest_test"))
@WithTestResource(value = WireMockResource.class,
        initArgs = @ResourceArg(name = "property", value = "otklik.whatsapp.graph-url,otklik.telegram.api-url"))
class BadRequestCorpusTest {

    /** Every endpoint family of the service. */
    static List<CorpusEndpoint> endpoints() {
        return List.of(
                new WhatsAppCases(),
                new TelegramCases(),
                new InstagramCases(),
                new LeadCases.Forms(),
                new LeadCases.Leads(),
                new ConversationCases.Export(),
                new ConversationCases.View());
    }

    static final List<CorpusEndpoint> ENDPOINTS = endpoints();

    final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    KafkaEvents.Listener events;
    long inboundRowsBefore;

    static Stream<BadCase> cases() {
        return ENDPOINTS.stream().flatMap(e -> e.cases().stream());
    }

    /** A conversation the view cases try wrong tokens and keys on, created before the baseline is taken. */
    String existing;

    /**
     * Once, before the first case (not in {@code @BeforeAll}: REST Assured is pointed at the application only
     * around each test).
     */
    @BeforeEach
    void baseline() throws Exception {
        if (events != null) {
            return;
        }
        existing = given().header("X-Api-Key", "test-salon-key").contentType("application/json")
                .body("{\"message\":\"corpus baseline\",\"submissionId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/leads").then().statusCode(202).extract().path("conversationId");
        // everything earlier tests wrote has left the outbox before we start listening
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox") == 0);
        events = KafkaEvents.listen(EventTypes.MESSAGE_RECEIVED.topic());
        inboundRowsBefore = count("select count(*) from inbound_message");
    }

    @Test
    void theCorpusIsBigEnough() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(200);
        assertThat(cases().map(BadCase::toString).distinct().count()).as("case names are unique")
                .isEqualTo(cases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefused(BadCase c) {
        if (c.status() == 413) {
            java.net.http.HttpResponse<String> response = io.otklik.ingest.Oversize.send(c.method(), c.path(),
                    c.headers(), c.contentType(), c.body());
            if (response.statusCode() >= 500) {
                serverErrors.add(c + " got " + response.statusCode() + ": " + response.body());
            }
            assertThat(response.statusCode()).as("%s answered %s", c, response.body()).isEqualTo(413);
            return; // the body limit answers before any resource
        }
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(
                !c.path().contains("%"));
        c.headers().forEach(request::header);
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null && c.contentType() != null
                && c.contentType().startsWith("application/x-www-form-urlencoded")) {
            // REST Assured's form encoder takes text only
            request.body(new String(c.body(), java.nio.charset.StandardCharsets.US_ASCII));
        } else if (c.body() != null) {
            request.body(c.body());
        }
        String path = c.path().replace(ConversationCases.View.EXISTING, existing);
        Response response = request.request(c.method(), path);
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors.add(c + " got " + status + ": " + response.asString());
        }
        assertThat(status).as("%s answered %s", c, response.asString()).isEqualTo(c.status());
        if ((status == 403 && c.method().equals("GET")
                && (c.endpoint().equals("whatsapp") || c.endpoint().equals("instagram")))) {
            return; // Meta's verification is plain text
        }
        assertThat(response.contentType()).as("%s content type", c).startsWith("application/problem+json");
        String detail = response.path("detail");
        assertThat(detail).as("%s has a detail", c).isNotBlank();
        if (c.detail() != null) {
            String field = response.path("field");
            List<String> fields = response.path("errors.field");
            assertThat(detail.contains(c.detail()) || c.detail().equals(field)
                    || (fields != null && fields.contains(c.detail())))
                    .as("%s: '%s' (field %s, errors %s) should name '%s'", c, detail, field, fields, c.detail())
                    .isTrue();
        }
    }

    @AfterAll
    void nothingWasAcceptedAndNothingCrashed() throws Exception {
        try {
            assertThat(serverErrors).as("cases answered with a 5xx").isEmpty();
            assertThat(events.drain(Duration.ofSeconds(3))).as("message_received events produced by bad input")
                    .isEmpty();
            assertThat(count("select count(*) from inbound_message")).as("inbound_message rows added by bad input")
                    .isEqualTo(inboundRowsBefore);
        } finally {
            if (events != null) {
                events.close();
            }
        }
    }

    static long count(String sql) throws SQLException {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
