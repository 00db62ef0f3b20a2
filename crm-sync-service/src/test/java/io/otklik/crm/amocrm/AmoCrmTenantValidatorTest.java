package io.otklik.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otklik.platform.tenant.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmoCrmTenantValidatorTest {

    static Tenant tenant(Tenant.Crm crm) {
        return new Tenant("amo", "amo", "Europe/Moscow", "clinic", null, null, crm, null, List.of(), List.of(),
                null, null);
    }

    static Tenant.Crm amo(String baseUrl, String tokenEnv, Map<String, String> statuses) {
        return new Tenant.Crm("amocrm", null, "HOOK", null, null, baseUrl, tokenEnv, 7123456L, statuses, null, null);
    }

    final AmoCrmTenantValidator validator = new AmoCrmTenantValidator();

    @Test
    void aCompleteConnectionAndOtherCrmsPass() {
        assertThatCode(() -> validator.validate(tenant(amo("https://clinic.amocrm.ru", "TOKEN",
                Map.of("NEW", "61234567", "WON", "142"))))).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(tenant(new Tenant.Crm("bitrix24", "HOOK", null, null))))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(tenant(null))).doesNotThrowAnyException();
    }

    @Test
    void aBadUrlTokenOrStatusMappingIsRefusedByName() {
        assertThatThrownBy(() -> validator.validate(tenant(amo("clinic.amocrm.ru", "TOKEN", null))))
                .hasMessageContaining("crm.baseUrl");
        assertThatThrownBy(() -> validator.validate(tenant(amo("https://clinic.amocrm.ru", " ", null))))
                .hasMessageContaining("crm.accessTokenEnv");
        assertThatThrownBy(() -> validator.validate(tenant(amo("https://clinic.amocrm.ru", "TOKEN",
                Map.of("DONE", "142"))))).hasMessageContaining("crm.statuses.DONE");
        assertThatThrownBy(() -> validator.validate(tenant(amo("https://clinic.amocrm.ru", "TOKEN",
                Map.of("CONFIRMED", "подтверждено"))))).hasMessageContaining("crm.statuses.CONFIRMED");
    }
}
