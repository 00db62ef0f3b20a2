package io.otklik.platform.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a text setting's line and column lie in tenants.yaml, for each way a scalar can be written. */
class YamlPositionsTest {

    static final String FILE = """
            tenants:
              - id: a
                name: "A"
                timezone: Europe/Moscow
                rules: |
                  if urgent → owner
                  elif client_repeat → janitor
              - id: b
                name: "B"
                timezone: Europe/Moscow
                rules: "if client_repeat → janitor"
              - { id: c, name: "C", timezone: Europe/Moscow, rules: if client_repeat → janitor }
              - id: d
                name: "D"
                timezone: Europe/Moscow
            """;

    @Test
    void aBlockStartsOnTheNextLineAtItsIndentation() {
        YamlPositions.Start start = YamlPositions.textStart(FILE, "/tenants/0/rules").orElseThrow();
        assertThat(start.block()).isTrue();
        assertThat(start.at()).isEqualTo(new YamlPositions.Position(6, 7));
        // "janitor" on the rules text's line 2, column 22 is on the file's line 7, column 28
        assertThat(start.of(2, 22)).isEqualTo(new YamlPositions.Position(7, 28));
        assertThat(FILE.lines().toList().get(6).indexOf("janitor") + 1).isEqualTo(28);
    }

    @Test
    void aQuotedScalarStartsAfterTheQuoteAPlainOneAtItsFirstCharacter() {
        YamlPositions.Start quoted = YamlPositions.textStart(FILE, "/tenants/1/rules").orElseThrow();
        assertThat(quoted.block()).isFalse();
        assertThat(quoted.of(1, 20)).isEqualTo(new YamlPositions.Position(11, columnOfJanitor(11)));
        YamlPositions.Start plain = YamlPositions.textStart(FILE, "/tenants/2/rules").orElseThrow();
        assertThat(plain.of(1, 20)).isEqualTo(new YamlPositions.Position(12, columnOfJanitor(12)));
        assertThat(YamlPositions.textStart(FILE, "/tenants/3/rules")).isEmpty();
    }

    @Test
    void theRegistryPrefixesAValidatorsTextErrorWithTheFileLine() {
        TenantValidator janitors = t -> {
            if (t.rules() != null && t.rules().contains("janitor")) {
                String[] lines = t.rules().split("\n");
                for (int i = 0; i < lines.length; i++) {
                    int c = lines[i].indexOf("janitor");
                    if (c >= 0) {
                        throw new TextSettingException("rules", i + 1, c + 1, "rules line " + (i + 1) + ", column "
                                + (c + 1) + ": unknown role 'janitor'", null);
                    }
                }
            }
        };
        assertThatThrownBy(() -> TenantRegistry.parse(FILE, Path.of("tenants.yaml"), List.of(janitors)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("tenants.yaml line 7, column 28: tenant 'a': rules line 2, column 22: unknown role"
                        + " 'janitor'");
        String onlyB = FILE.substring(0, FILE.indexOf("  - id: a")) + FILE.substring(FILE.indexOf("  - id: b"));
        assertThatThrownBy(() -> TenantRegistry.parse(onlyB, Path.of("tenants.yaml"), List.of(janitors)))
                .hasMessage("tenants.yaml line 5, column 32: tenant 'b': rules line 1, column 20: unknown role"
                        + " 'janitor'");
    }

    private static int columnOfJanitor(int line) {
        return FILE.lines().toList().get(line - 1).indexOf("janitor") + 1;
    }
}
