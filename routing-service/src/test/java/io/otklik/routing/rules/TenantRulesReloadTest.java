package io.otklik.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload: the registry (with the rules validator) rereads a rewritten tenants file and the new rule applies; a
 * bad rules text is refused with a log line naming the tenant, the line and the reason, and the old rule stays.
 */
class TenantRulesReloadTest {

    static final String TENANT = """
            tenants:
              - id: reload-salon
                name: "Салон"
                timezone: Europe/Moscow
                segment: salon
                staff:
                  - { id: olga, name: "Ольга", role: owner }
                  - { id: marina, name: "Марина", role: on-duty }
                rules: %s
            """;

    @TempDir
    Path dir;

    static RuleContext repeatTelegramClient() {
        return new RuleContext(Instant.parse("2026-11-25T09:00:00Z"), ZoneId.of("Europe/Moscow"),
                Duration.ofMinutes(1), Channel.TELEGRAM, null, true, "BOOK", false, false, "salon", false, true,
                true, null, null);
    }

    @Test
    void aChangedFileAppliesABadOneIsRefusedAndTheOldRuleStays() throws IOException {
        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, TENANT.formatted("\"if client_repeat → owner\""));
        TenantRules rules = new TenantRules();
        TenantRegistry registry = new TenantRegistry(file, null, List.of(rules));

        assertThat(assignee(registry, rules)).isEqualTo("olga");

        Files.writeString(file, TENANT.formatted("\"if client_repeat → on-duty + P1\""));
        assertThat(registry.reload()).isTrue();
        assertThat(assignee(registry, rules)).isEqualTo("marina");

        List<String> logged = new java.util.ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger(TenantRegistry.class.getName());
        jul.addHandler(capture);
        try {
            Files.writeString(file, TENANT.formatted("|\n      if urgent → owner\n      elif client_repeat → janitor"));
            assertThat(registry.reload()).isFalse();
        } finally {
            jul.removeHandler(capture);
        }
        assertThat(assignee(registry, rules)).as("the previous rule stays in force").isEqualTo("marina");
        assertThat(String.join("\n", logged)).contains("tenant 'reload-salon'", "rules line 2, column 22",
                "unknown role 'janitor'", "previous configuration stays");

        Files.writeString(file, TENANT.formatted("\"if client_repeat → owner\"") + "\n  - broken: [");
        assertThat(registry.reload()).as("a file that is not YAML").isFalse();
        assertThat(assignee(registry, rules)).isEqualTo("marina");
    }

    private static String assignee(TenantRegistry registry, TenantRules rules) {
        Tenant t = registry.require("reload-salon");
        return rules.of(t).route(t, repeatTelegramClient(), StaffResolver.FIRST_WITH_ROLE).assignee();
    }
}
