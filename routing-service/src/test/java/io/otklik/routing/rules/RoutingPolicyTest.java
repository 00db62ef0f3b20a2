package io.otklik.routing.rules;

import static io.otklik.routing.TestTenants.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import io.otklik.routing.TestTenants;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who handles a new lead. */
class RoutingPolicyTest {

    final RoutingPolicy policy = new RoutingPolicy();
    final Tenant salon = TestTenants.salon();

    static RoutingPolicy.Input input(String intent, boolean urgent) {
        return new RoutingPolicy.Input(intent, urgent, Channel.WHATSAPP, false, NOW, NOW);
    }

    @Test
    void complaintGoesToTheOwner() {
        assertThat(policy.route(salon, input("COMPLAINT", false))).isEqualTo(new RoutingPolicy.Route("olga",
                "owner", "complaint-to-owner", "Жалоба — передана владельцу"));
        assertThat(policy.route(salon, input("COMPLAINT", true)).ruleId()).isEqualTo("complaint-to-owner");
    }

    @Test
    void urgentGoesToTheOnDutyPerson() {
        RoutingPolicy.Route r = policy.route(salon, input("BOOK", true));
        assertThat(r).isEqualTo(new RoutingPolicy.Route("marina", "on-duty", "urgent-to-on-duty",
                "Срочное обращение — передано дежурному администратору"));
        assertThat(r.toPerson()).isTrue();
    }

    @Test
    void everythingElseStaysWithTheBot() {
        for (String intent : List.of("BOOK", "PRICE", "INFO", "CANCEL", "RESCHEDULE", "CONFIRM")) {
            RoutingPolicy.Route r = policy.route(salon, input(intent, false));
            assertThat(r.assignee()).isEqualTo("bot");
            assertThat(r.assigneeRole()).isEqualTo("bot");
            assertThat(r.ruleId()).isEqualTo("bot-default");
            assertThat(r.toPerson()).isFalse();
        }
    }

    @Test
    void aRuleWhosePersonIsMissingDoesNotMatch() {
        Tenant onlyOnDuty = TestTenants.salon(List.of(new Tenant.Staff("marina", "Марина", "on-duty", "1", null)));
        assertThat(policy.route(onlyOnDuty, input("COMPLAINT", false)).ruleId()).isEqualTo("bot-default");
        assertThat(policy.route(onlyOnDuty, input("COMPLAINT", true)).ruleId()).isEqualTo("urgent-to-on-duty");
        Tenant nobody = TestTenants.salon(List.of());
        assertThat(policy.route(nobody, input("BOOK", true)).ruleId()).isEqualTo("bot-default");
    }
}
