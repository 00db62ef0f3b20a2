package io.otklik.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules table: every branch of seed 004's rule, first-match precedence, and each kind of condition and action. */
class RulesTableTest {

    static final String SEED = "if response_time < 5min and source == WhatsApp → on-duty manager; elif client_repeat"
            + " → owner; elif channel == Instagram and 09:00–18:00 → bot + suggest booking";
    static final String SEED_ASCII = "if response_time < 5min and source == WhatsApp -> on-duty manager; elif"
            + " client_repeat -> owner; elif channel == Instagram and 09:00-18:00 -> bot + suggest booking";
    static final Tenant SALON = TestTenants.salon();
    /** Wednesday 25.11.2026. */
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    /** A new Telegram client asking to book on Wednesday at 12:00 in Moscow, waiting 10 minutes. */
    static final Ctx BASE = new Ctx(12, 0, WEDNESDAY, Duration.ofMinutes(10), Channel.TELEGRAM, null, false, "BOOK",
            false, false, "salon", false, true, true, null, "haircut");

    /** A mutable-by-copy description of the facts, easier to vary per row than the record. */
    record Ctx(int hour, int minute, LocalDate day, Duration waiting, Channel channel, String utm, boolean repeat,
               String intent, boolean urgent, boolean fallback, String segment, boolean holiday, boolean workday,
               boolean open, Duration specialistFreeIn, String service) {

        RuleContext toContext() {
            return new RuleContext(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute))
                    .atZone(TestTenants.MOSCOW).toInstant(), TestTenants.MOSCOW, waiting, channel, utm,
                    repeat, intent, urgent, fallback, segment, holiday, workday, open, specialistFreeIn, service);
        }

        Ctx at(int h, int m) {
            return new Ctx(h, m, day, waiting, channel, utm, repeat, intent, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx on(LocalDate d) {
            return new Ctx(hour, minute, d, waiting, channel, utm, repeat, intent, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx waited(Duration w) {
            return new Ctx(hour, minute, day, w, channel, utm, repeat, intent, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx via(Channel c) {
            return new Ctx(hour, minute, day, waiting, c, utm, repeat, intent, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx fromUtm(String u) {
            return new Ctx(hour, minute, day, waiting, channel, u, repeat, intent, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx repeating() {
            return new Ctx(hour, minute, day, waiting, channel, utm, true, intent, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx intent(String i) {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, i, urgent, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx urgently() {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, intent, true, fallback, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx unsure() {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, intent, urgent, true, segment, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx segment(String s) {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, intent, urgent, fallback, s, holiday,
                    workday, open, specialistFreeIn, service);
        }

        Ctx calendar(boolean hol, boolean work, boolean op) {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, intent, urgent, fallback, segment, hol,
                    work, op, specialistFreeIn, service);
        }

        Ctx freeIn(Duration d) {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, intent, urgent, fallback, segment,
                    holiday, workday, open, d, service);
        }

        Ctx wants(String s) {
            return new Ctx(hour, minute, day, waiting, channel, utm, repeat, intent, urgent, fallback, segment,
                    holiday, workday, open, specialistFreeIn, s);
        }
    }

    static Arguments row(String name, String rules, UnaryOperator<Ctx> facts, String ruleId, String assignee,
                         String role, Priority priority) {
        return Arguments.of(name, rules, facts.apply(BASE), ruleId, assignee, role, priority);
    }

    static Stream<Arguments> seed() {
        return Stream.of(SEED, SEED_ASCII).flatMap(rules -> Stream.of(
                row("branch 1: a WhatsApp client waiting 1 min → on-duty manager", rules,
                        c -> c.via(Channel.WHATSAPP).waited(Duration.ofMinutes(1)), "rule-1", "marina", "on-duty",
                        Priority.P2),
                row("branch 2: a repeat Telegram client → owner", rules, c -> c.repeating(), "rule-2", "olga",
                        "owner", Priority.P2),
                row("branch 3: Instagram at 12:00 → bot + suggest booking", rules, c -> c.via(Channel.INSTAGRAM),
                        "rule-3", "bot", "bot", Priority.P3),
                row("no match: a new Telegram client → default bot", rules, c -> c, "default", "bot", "bot",
                        Priority.P3),
                row("precedence: fast WhatsApp and repeat → branch 1 wins", rules,
                        c -> c.via(Channel.WHATSAPP).waited(Duration.ofSeconds(3)).repeating(), "rule-1", "marina",
                        "on-duty", Priority.P2),
                row("precedence: repeat on Instagram in hours → branch 2 before the bot", rules,
                        c -> c.via(Channel.INSTAGRAM).repeating(), "rule-2", "olga", "owner", Priority.P2),
                row("WhatsApp waiting exactly 5 min is not < 5min → no match", rules,
                        c -> c.via(Channel.WHATSAPP).waited(Duration.ofMinutes(5)), "default", "bot", "bot",
                        Priority.P3),
                row("WhatsApp from an ad with utm_source=whatsapp still counts as source WhatsApp", rules,
                        c -> c.via(Channel.WHATSAPP).fromUtm("whatsapp").waited(Duration.ZERO), "rule-1", "marina",
                        "on-duty", Priority.P2),
                row("source is the UTM source: Telegram from utm whatsapp → branch 1", rules,
                        c -> c.fromUtm("WhatsApp").waited(Duration.ZERO), "rule-1", "marina", "on-duty", Priority.P2),
                row("Instagram at 09:00 (window start included) → branch 3", rules,
                        c -> c.via(Channel.INSTAGRAM).at(9, 0), "rule-3", "bot", "bot", Priority.P3),
                row("Instagram at 18:00 (window end excluded) → no match", rules,
                        c -> c.via(Channel.INSTAGRAM).at(18, 0), "default", "bot", "bot", Priority.P3),
                row("Instagram at 08:59 → no match", rules, c -> c.via(Channel.INSTAGRAM).at(8, 59), "default",
                        "bot", "bot", Priority.P3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seed")
    void seedRule(String name, String rules, Ctx facts, String ruleId, String assignee, String role,
                  Priority priority) {
        RuleMatch m = RulesParser.parse(rules).validate(SALON).route(SALON, facts.toContext(),
                StaffResolver.FIRST_WITH_ROLE);
        assertThat(m.ruleId()).isEqualTo(ruleId);
        assertThat(m.assignee()).isEqualTo(assignee);
        assertThat(m.assigneeRole()).isEqualTo(role);
        assertThat(m.priority()).isEqualTo(priority);
        assertThat(m.suggestBooking()).isEqualTo(ruleId.equals("rule-3"));
        assertThat(m.line()).isEqualTo(ruleId.equals("default") ? 0 : 1);
    }

    @Test
    void reasonsAreRussianAndNameTheRuleAndThePerson() {
        RuleSet set = RulesParser.parse(SEED).validate(SALON);
        assertThat(set.route(SALON, BASE.via(Channel.WHATSAPP).waited(Duration.ofMinutes(1)).toContext(),
                StaffResolver.FIRST_WITH_ROLE).reason())
                .isEqualTo("Правило 1 (строка 1): время ожидания < 5 мин и источник whatsapp → дежурный"
                        + " администратор Марина, приоритет P2");
        assertThat(set.route(SALON, BASE.via(Channel.INSTAGRAM).toContext(), StaffResolver.FIRST_WITH_ROLE).reason())
                .isEqualTo("Правило 3 (строка 1): канал Instagram и время 09:00–18:00 → бот предлагает запись");
        assertThat(set.route(SALON, BASE.toContext(), StaffResolver.FIRST_WITH_ROLE).reason())
                .isEqualTo("Ни одно правило не подошло — диалог ведёт бот");
        assertThat(set.rules()).extracting(Rule::text).containsExactly(
                "if response_time < 5min and source == WhatsApp → on-duty manager",
                "elif client_repeat → owner",
                "elif channel == Instagram and 09:00–18:00 → bot + suggest booking");
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                cond("response_time <= 10min", c -> c, true),
                cond("response_time > 10min", c -> c, false),
                cond("response_time >= 1h", c -> c.waited(Duration.ofMinutes(60)), true),
                cond("response_time < 30s", c -> c.waited(Duration.ofSeconds(29)), true),
                cond("specialist_free_within < 30min", c -> c.freeIn(Duration.ofMinutes(20)), true),
                cond("specialist_free_within < 30min", c -> c.freeIn(Duration.ofMinutes(45)), false),
                cond("specialist_free_within < 30min", c -> c.freeIn(null), false),
                cond("channel == Telegram", c -> c, true),
                cond("channel != Telegram", c -> c, false),
                cond("channel in (WhatsApp, web_form)", c -> c.via(Channel.WEB_FORM), true),
                cond("channel not in (WhatsApp, Telegram)", c -> c, false),
                cond("source == ad", c -> c.fromUtm("yandex"), true),
                cond("source == ad", c -> c, false),
                cond("source == organic", c -> c, true),
                cond("source == yandex", c -> c.fromUtm("Yandex"), true),
                cond("source == \"vk ads\"", c -> c.fromUtm("vk ads"), true),
                cond("source in (vk, yandex)", c -> c.fromUtm("google"), false),
                cond("client_repeat", c -> c.repeating(), true),
                cond("client_repeat", c -> c, false),
                cond("09:00–18:00", c -> c.at(17, 59), true),
                cond("21:00–09:00", c -> c.at(23, 30), true),
                cond("21:00–09:00", c -> c.at(8, 0), true),
                cond("21:00-09:00", c -> c.at(12, 0), false),
                cond("00:00–24:00", c -> c.at(23, 59), true),
                cond("weekday in Mon..Fri", c -> c, true),
                cond("weekday in Mon..Fri", c -> c.on(WEDNESDAY.plusDays(3)), false),
                cond("weekday in Sat..Mon", c -> c.on(WEDNESDAY.plusDays(5)), true),
                cond("weekday in (Sat, Sun)", c -> c.on(WEDNESDAY.plusDays(4)), true),
                cond("weekday == Wed", c -> c, true),
                cond("weekday != wednesday", c -> c, false),
                cond("weekday not in (Sat, Sun)", c -> c, true),
                cond("holiday", c -> c.calendar(true, false, false), true),
                cond("holiday", c -> c, false),
                cond("workday", c -> c, true),
                cond("not workday", c -> c.calendar(false, false, true), true),
                cond("business_hours", c -> c.calendar(false, true, false), false),
                cond("intent == COMPLAINT", c -> c.intent("COMPLAINT"), true),
                cond("intent == complaint", c -> c, false),
                cond("intent in (booking, price)", c -> c.intent("PRICE"), true),
                cond("intent != BOOK", c -> c, false),
                cond("urgent", c -> c.urgently(), true),
                cond("urgent", c -> c, false),
                cond("fallback", c -> c.unsure(), true),
                cond("segment == salon", c -> c, true),
                cond("segment in (clinic, fitness)", c -> c, false),
                cond("not urgent and not fallback", c -> c, true),
                cond("urgent or client_repeat", c -> c.repeating(), true),
                cond("urgent or client_repeat and fallback", c -> c.repeating(), false),
                cond("(urgent or client_repeat) and channel == Telegram", c -> c.repeating(), true),
                cond("not (urgent or fallback)", c -> c.unsure(), false),
                cond("URGENT AND Channel == TELEGRAM", c -> c.urgently(), true));
    }

    static Arguments cond(String condition, UnaryOperator<Ctx> facts, boolean matches) {
        return Arguments.of(condition, facts.apply(BASE), matches);
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("conditions")
    void eachConditionKind(String condition, Ctx facts, boolean matches) {
        RuleMatch m = RulesParser.parse("if " + condition + " → owner").validate(SALON)
                .route(SALON, facts.toContext(), StaffResolver.FIRST_WITH_ROLE);
        assertThat(m.ruleId()).isEqualTo(matches ? "rule-1" : "default");
    }

    @Test
    void actionsAssignRolesPeopleSkillsPriorityAndNotify() {
        RuleContext ctx = BASE.wants("manicure").toContext();
        RuleMatch person = route("if urgent → bot; elif workday → @katya + P1 + notify", ctx);
        assertThat(person).extracting(RuleMatch::ruleId, RuleMatch::assignee, RuleMatch::assigneeRole,
                RuleMatch::assigneeName, RuleMatch::priority, RuleMatch::notifyStaff)
                .containsExactly("rule-2", "katya", "specialist", "Екатерина", Priority.P1, true);
        assertThat(route("if workday → person olga", ctx).assignee()).isEqualTo("olga");
        assertThat(route("if workday → specialist with coloring", ctx).assignee()).isEqualTo("anna");
        assertThat(route("if workday → specialist", ctx).assignee())
                .as("a specialist for the requested service").isEqualTo("katya");
        assertThat(route("if workday → specialist", BASE.wants(null).toContext()).assignee()).isEqualTo("anna");
        RuleMatch onDuty = route("if workday → on-duty + P3 + notify", ctx);
        assertThat(onDuty).extracting(RuleMatch::assignee, RuleMatch::telegramChatId, RuleMatch::priority,
                RuleMatch::notifyStaff).containsExactly("marina", "100200301", Priority.P3, true);
        assertThat(route("if holiday → owner\nelse → bot + P2", ctx)).extracting(RuleMatch::ruleId,
                RuleMatch::line, RuleMatch::assignee, RuleMatch::priority).containsExactly("rule-2", 2, "bot",
                Priority.P2);
    }

    @Test
    void aRoleNobodyHoldsNowFallsBackToTheBot() {
        StaffResolver nobody = (tenant, role, skill, now) -> java.util.Optional.empty();
        RuleMatch m = RulesParser.parse("if workday → on-duty").validate(SALON).route(SALON, BASE.toContext(),
                nobody);
        assertThat(m).extracting(RuleMatch::ruleId, RuleMatch::assignee, RuleMatch::assigneeRole)
                .containsExactly("rule-1", "bot", "bot");
        assertThat(m.reason()).endsWith("дежурный администратор: сейчас никого нет, диалог ведёт бот");
    }

    @Test
    void theDefaultRulesSendComplaintsToTheOwnerAndUrgentRequestsToTheOnDutyPerson() {
        RuleSet defaults = RulesParser.parse(RuleSet.DEFAULT_TEXT).validate(SALON);
        assertThat(defaults.route(SALON, BASE.intent("COMPLAINT").toContext(), StaffResolver.FIRST_WITH_ROLE))
                .extracting(RuleMatch::assignee, RuleMatch::priority, RuleMatch::notifyStaff)
                .containsExactly("olga", Priority.P1, true);
        assertThat(defaults.route(SALON, BASE.urgently().toContext(), StaffResolver.FIRST_WITH_ROLE).assignee())
                .isEqualTo("marina");
        assertThat(defaults.route(SALON, BASE.toContext(), StaffResolver.FIRST_WITH_ROLE).ruleId())
                .isEqualTo("default");
    }

    private static RuleMatch route(String rules, RuleContext ctx) {
        return RulesParser.parse(rules).validate(SALON).route(SALON, ctx, StaffResolver.FIRST_WITH_ROLE);
    }
}
