package io.otklik.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.otklik.events.data.Channel;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.ReplyKind;
import io.otklik.metrics.dashboard.DashboardResource;
import io.otklik.metrics.dashboard.DashboardView;
import io.otklik.testkit.OtklikInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver): an owner logs in with the
 * salon's key and sees the KPI values of a known hour of traffic, the charts drawn by the locally served Chart.js,
 * the channel table and the experiment; a screenshot is saved to {@code target/dashboard.png}.
 */
@QuarkusTest
@WithTestResource(value = OtklikInfraResource.class,
        initArgs = @ResourceArg(name = "database", value = "otklik_metrics_test"))
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("otklik.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("otklik.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOT = Path.of("target", "dashboard.png");

    @TestHTTPResource("/dashboard")
    URL dashboard;

    @Test
    void anOwnerSeesTheHoursNumbersTheChartsAndTheExperiment() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver are needed (./otklik test installs them:"
                        + " apt-get install -y chromium chromium-driver)").isTrue();
        Instant from = TestEvents.randomPastHour();
        Instant to = from.plus(Duration.ofHours(1));
        TestEvents salon = new TestEvents("demo-salon");
        // c1: WhatsApp, answered in 0.8 s, lead scored 5, booked in reminder-timing A and confirmed
        MessageReceived c1 = salon.received(TestEvents.conversation(), Channel.WHATSAPP, "instagram",
                from.plusSeconds(60));
        salon.classified(c1, "BOOK", false);
        salon.replied(c1, ReplyKind.ANSWER, 800);
        salon.scoredLead(c1, 5, from.plusSeconds(70));
        salon.bookedInArms(c1, from.plusSeconds(80), Map.of("reminder-timing", "A"), true, false);
        // c2: Telegram, a fallback, answered in 1.2 s, lead scored 3
        MessageReceived c2 = salon.received(TestEvents.conversation(), Channel.TELEGRAM, null, from.plusSeconds(120));
        salon.classified(c2, "INFO", true);
        salon.replied(c2, ReplyKind.ANSWER, 1200);
        salon.scoredLead(c2, 3, from.plusSeconds(130));
        // c3: Telegram, answered in 3 s, no lead; c4: WhatsApp, not answered yet
        MessageReceived c3 = salon.received(TestEvents.conversation(), Channel.TELEGRAM, null, from.plusSeconds(180));
        salon.classified(c3, "PRICE", false);
        salon.replied(c3, ReplyKind.ANSWER, 3000);
        salon.received(TestEvents.conversation(), Channel.WHATSAPP, null, from.plusSeconds(240));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var r = TestEvents.report(TestEvents.SALON_KEY, from, to);
            assertThat(r.get("conversations").asLong()).isEqualTo(4);
            assertThat(r.get("ttfr").get("count").asLong()).isEqualTo(3);
            assertThat(r.get("confirmed").asLong()).isEqualTo(1);
        });

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--window-size=1400,2200", "--lang=ru-RU");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            String page = dashboard + "?from=" + from + "&to=" + to;
            browser.get(page);
            // no cookie yet: the login form; a wrong key is refused, the salon's key lets in
            browser.findElement(By.id("key")).sendKeys("not-a-key");
            browser.findElement(By.id("enter")).click();
            assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("Неверный ключ доступа.");
            browser.findElement(By.id("key")).sendKeys(TestEvents.SALON_KEY);
            browser.findElement(By.id("enter")).click();
            browser.get(page);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "drawn".equals(browser.findElement(By.tagName("body")).getAttribute("data-charts")));

            assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo("Салон красоты «Лён»");
            // by hand: TTFR 0.8, 1.2, 3.0 s → median 1.2 s; fallback 1 of 3 classified; leads 2 of 4
            // conversations; LQS (5 + 3) / 2; one booking, confirmed
            assertTile(browser, "ttfr", "1,2 с", "ok");
            assertTile(browser, "fallback", "33 %", "bad");
            assertTile(browser, "chat_to_lead", "50 %", "bad");
            assertTile(browser, "lqs", "4,0 из 5", "ok");
            assertTile(browser, "booked", "1", "info");
            assertTile(browser, "no_show", "0 %", "info");
            // the channel table: WhatsApp 2 conversations, 2 messages, 1 lead; Telegram 2, 2, 1
            WebElement whatsapp = browser.findElement(By.cssSelector("#channels tbody tr:nth-child(1)"));
            assertThat(whatsapp.getText()).startsWith("WHATSAPP 2 2 1 50 % 1 100 % 0 % 0,8 с 0 %");
            WebElement telegram = browser.findElement(By.cssSelector("#channels tbody tr:nth-child(2)"));
            assertThat(telegram.getText()).startsWith("TELEGRAM 2 2 1 50 % 0 0 % 0 % 1,2 с 50 %");
            WebElement experiment = browser.findElement(By.cssSelector("[data-experiment='reminder-timing']"));
            assertThat(experiment.isDisplayed()).isTrue();
            assertThat(experiment.findElement(By.className("verdict")).getText())
                    .isEqualTo("Пока записи есть только в варианте «A» — сравнивать не с чем.");

            Files.createDirectories(SCREENSHOT.getParent());
            File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        } finally {
            browser.quit();
            service.stop();
        }
    }

    @Test
    void withoutAValidKeyThePageIsTheLoginFormAndNoNumbers() {
        given().get("/dashboard").then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("Ключ доступа компании")).body(not(containsString("data-kpi")));
        given().cookie(DashboardResource.COOKIE, "wrong").get("/dashboard").then().statusCode(401)
                .body(containsString("Ключ больше не действует"));
        given().formParam("key", "wrong").post("/dashboard/login").then().statusCode(401)
                .body(containsString("Неверный ключ доступа."));
        // a tenant's key never opens another tenant's page
        given().cookie(DashboardResource.COOKIE, TestEvents.CLINIC_KEY).queryParam("tenant", "demo-salon")
                .get("/dashboard").then().statusCode(403).body(not(containsString("data-kpi")));
        given().redirects().follow(false).formParam("key", TestEvents.SALON_KEY).post("/dashboard/login").then()
                .statusCode(303).cookie(DashboardResource.COOKIE, TestEvents.SALON_KEY);
        given().cookie(DashboardResource.COOKIE, TestEvents.SALON_KEY).get("/dashboard").then().statusCode(200)
                .body(containsString("data-kpi=\"ttfr\"")).body(containsString(DashboardView.CHART_JS));
        given().get(DashboardView.CHART_JS).then().statusCode(200).body(containsString("Chart"));
    }

    private static void assertTile(WebDriver browser, String id, String value, String status) {
        WebElement tile = browser.findElement(By.cssSelector("[data-kpi='" + id + "']"));
        assertThat(tile.isDisplayed()).as(id).isTrue();
        assertThat(tile.findElement(By.className("value")).getText()).as(id).isEqualTo(value);
        assertThat(tile.getAttribute("class")).as(id).contains(status);
    }
}
