package io.otklik.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules texts that are refused, each with the line, the column and the reason. */
class RulesParserTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            if foo → bot                                  | 1 | 4  | unknown condition 'foo'
            if response_time < 5 → bot                    | 1 | 22 | bad duration '5': the unit is missing
            if response_time < 5 parsecs → bot            | 1 | 22 | bad duration '5': the unit is missing
            if response_time < 5parsecs → bot             | 1 | 21 | unknown unit 'parsecs'
            if response_time < fast → bot                 | 1 | 20 | bad duration: expected a number
            if response_time < 0min → bot                 | 1 | 20 | must be positive
            if response_time == 5min → bot                | 1 | 18 | expected '<', '<=', '>' or '>='
            if 09:00–25:00 → bot                          | 1 | 10 | bad time window: '25:00' is not a time of day
            if 09:61–18:00 → bot                          | 1 | 4  | bad time window: '09:61'
            if 09:00 → bot                                | 1 | 10 | bad time window: expected '–'
            if 09:00– → bot                               | 1 | 11 | bad time window: expected the end time
            if 10:00–10:00 → bot                          | 1 | 4  | it is empty
            if urgent → janitor                           | 1 | 13 | unknown role 'janitor'
            if urgent → manager                           | 1 | 13 | unknown role 'manager'
            if urgent                                     | 1 | 10 | missing action
            if urgent; elif fallback → bot                | 1 | 10 | missing action
            if urgent →                                   | 1 | 12 | missing action: expected bot, on-duty
            if urgent → + notify                          | 1 | 13 | missing action
            elif urgent → bot                             | 1 | 1  | dangling 'elif'
            else → bot                                    | 1 | 1  | dangling 'else'
            if urgent → bot; else → owner; elif fallback → bot | 1 | 32 | 'else' must be the last rule
            if → bot                                      | 1 | 4  | missing condition after 'if'
            if urgent and → bot                           | 1 | 15 | missing condition
            if (urgent → bot                              | 1 | 12 | expected ')' to close the '(' at line 1, column 4
            if urgent) → bot                              | 1 | 10 | expected 'and', 'or' or '→'
            if urgent → bot owner                         | 1 | 17 | expected ';' or the next 'elif'
            if urgent → bot elif                          | 1 | 21 | missing condition after 'elif'
            if channel == Fax → bot                       | 1 | 15 | unknown channel 'Fax'
            if channel = WhatsApp → bot                   | 1 | 12 | unknown operator '='
            if channel WhatsApp → bot                     | 1 | 12 | expected '==', '!=' or 'in'
            if channel in (WhatsApp → bot                 | 1 | 25 | expected ')' to close the list of values
            if intent == shopping → bot                   | 1 | 14 | unknown intent 'shopping'
            if segment == bakery → bot                    | 1 | 15 | unknown segment 'bakery'
            if weekday in Mon..Funday → bot               | 1 | 20 | unknown weekday 'Funday'
            if weekday in Mon-Fri → bot                   | 1 | 15 | unknown weekday 'Mon-Fri'
            if urgent → bot + teleport                    | 1 | 19 | unknown addition 'teleport'
            if urgent → bot + suggest lunch               | 1 | 27 | expected 'booking' after 'suggest'
            if urgent → owner + suggest booking           | 1 | 13 | only goes with 'bot'
            if urgent → bot + P1 + P2                     | 1 | 24 | the priority is given twice
            if urgent → bot + P4                          | 1 | 19 | unknown addition 'P4'
            if urgent → specialist with                   | 1 | 28 | expected a skill
            if urgent → @                                 | 1 | 14 | expected a staff id
            if urgent → bot $                             | 1 | 17 | unexpected character '$'
            if source == "WhatsApp → bot                  | 1 | 14 | unterminated quoted value
            """)
    void refused(String rules, int line, int column, String reason) {
        assertThatThrownBy(() -> RulesParser.parse(rules))
                .isInstanceOfSatisfying(RulesException.class, e -> {
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).startsWith("line " + line + ", column " + column + ": ");
                });
    }

    @Test
    void errorsOnLaterLinesNameThatLine() {
        assertThatThrownBy(() -> RulesParser.parse("""
                if urgent → owner
                elif client_repeat → bot
                elif response_time < 5 hours and foo → bot"""))
                .isInstanceOfSatisfying(RulesException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(34);
                    assertThat(e.reason()).startsWith("unknown condition 'foo'");
                });
    }

    @Test
    void theTenantMustHaveThePeopleRolesAndSkillsTheRulesName() {
        Tenant salon = TestTenants.salon();
        assertThatThrownBy(() -> RulesParser.parse("if urgent → bot;\nelif fallback → @nobody").validate(salon))
                .isInstanceOfSatisfying(RulesException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).isEqualTo("rule-2: no staff member with id 'nobody'");
                });
        assertThatThrownBy(() -> RulesParser.parse("if urgent → specialist with massage").validate(salon))
                .hasMessageContaining("nobody on the staff has the role 'specialist' with the skill 'massage'");
        Tenant noOwner = TestTenants.salon(List.of(new Tenant.Staff("marina", "Марина", "on-duty", "1", null)));
        assertThatThrownBy(() -> RulesParser.parse("if urgent → owner").validate(noOwner))
                .hasMessageContaining("nobody on the staff has the role 'owner'");
    }

    @Test
    void commentsNewlinesOptionalSemicolonsAndAnEmptyText() {
        RuleSet set = RulesParser.parse("""
                # urgent first
                if urgent → on-duty + P1 + notify
                elif intent in (COMPLAINT) -> owner   # complaints
                else -> bot + P3
                """);
        assertThat(set.rules()).extracting(Rule::id, Rule::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rule-1", 2), org.assertj.core.groups.Tuple.tuple("rule-2", 3),
                org.assertj.core.groups.Tuple.tuple("rule-3", 4));
        assertThat(set.rules().get(2).condition()).isNull();
        assertThat(RulesParser.parse("  ").rules()).isEmpty();
        assertThat(RulesParser.parse(null).rules()).isEmpty();
    }
}
