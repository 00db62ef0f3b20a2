package io.otklik.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
                "unknown role 'janitor'", "previous configuration stays",
                // the block's second line is the file's 11th; its text is indented by six
                file + " line 11, column 28: tenant 'reload-salon': rules line 2, column 22");

        Files.writeString(file, TENANT.formatted("\"if client_repeat → owner\"") + "\n  - broken: [");
        assertThat(registry.reload()).as("a file that is not YAML").isFalse();
        assertThat(assignee(registry, rules)).isEqualTo("marina");
    }

    /** The rules value as written in tenants.yaml, and the rules text's line of the unknown role. */
    static Stream<Arguments> styles() {
        return Stream.of(
                Arguments.of("block", "|\n      if urgent → owner\n      elif client_repeat → janitor", 2),
                Arguments.of("block with a blank line and a comment", "|  # the routing\n\n      if urgent → owner\n"
                        + "      elif client_repeat → janitor", 3),
                Arguments.of("double-quoted", "\"if urgent → owner; elif client_repeat → janitor\"", 1),
                Arguments.of("single-quoted", "'if urgent → owner; elif client_repeat → janitor'", 1),
                Arguments.of("plain", "if urgent → owner; elif client_repeat → janitor", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void aRulesErrorNamesTheLineAndColumnInTenantsYaml(String style, String value, int rulesLine)
            throws IOException {
        Path file = dir.resolve("tenants.yaml");
        String yaml = TENANT.formatted(value);
        Files.writeString(file, yaml);
        // where "janitor" is in the file, counted independently of the code: 1-based line and column
        List<String> lines = yaml.lines().toList();
        int line = 0;
        while (!lines.get(line).contains("janitor")) {
            line++;
        }
        int column = lines.get(line).indexOf("janitor") + 1;
        assertThatThrownBy(() -> new TenantRegistry(file, null, List.of(new TenantRules())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(file + " line " + (line + 1) + ", column " + column
                        + ": tenant 'reload-salon': rules line " + rulesLine + ", column ")
                .hasMessageContaining("unknown role 'janitor'");
    }

    private static String assignee(TenantRegistry registry, TenantRules rules) {
        Tenant t = registry.require("reload-salon");
        return rules.of(t).route(t, repeatTelegramClient(), StaffResolver.FIRST_WITH_ROLE).assignee();
    }
}
