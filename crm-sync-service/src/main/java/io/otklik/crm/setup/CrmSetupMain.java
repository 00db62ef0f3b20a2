package io.otklik.crm.setup;

import io.otklik.crm.bitrix24.Bitrix24Bodies;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantRegistry;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code ./otklik crm-setup TENANT}: creates in the tenant's Bitrix24 portal the user fields and lead stages the
 * mapping needs ({@link Bitrix24Setup}). Reads {@code OTKLIK_TENANTS_FILE} (default tenants.yaml), the webhook URL
 * from the tenant's {@code crm.webhookUrlEnv} variable, and the field names from the same variables as the service
 * ({@code OTKLIK_CRM_BITRIX24_QUALITY_FIELD}, {@code _APPOINTMENT_FIELD}, {@code _CONFIRMED_FIELD}).
 * Exit status 0 when done, 1 when a call failed, 2 on bad usage or configuration.
 */
public final class CrmSetupMain {

    private CrmSetupMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: ./otklik crm-setup TENANT");
            return 2;
        }
        String file = env("OTKLIK_TENANTS_FILE", "tenants.yaml");
        Tenant tenant;
        TenantRegistry registry;
        try {
            registry = new TenantRegistry(file, ConfigProvider.getConfig());
            tenant = registry.byId(args[0].strip()).orElse(null);
        } catch (RuntimeException e) {
            System.err.println("crm-setup: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        if (tenant == null) {
            System.err.println("crm-setup: no tenant " + args[0] + " in " + file);
            return 2;
        }
        if (tenant.crm() == null || !"bitrix24".equals(tenant.crm().type())) {
            System.err.println("crm-setup: tenant " + tenant.id() + " has no Bitrix24 CRM (crm.type bitrix24)");
            return 2;
        }
        String url = registry.secret(tenant.crm().webhookUrlEnv()).orElse(null);
        if (url == null) {
            System.err.println("crm-setup: set " + tenant.crm().webhookUrlEnv() + " to the portal's inbound-webhook URL");
            return 2;
        }
        Bitrix24Bodies.Fields names = new Bitrix24Bodies.Fields(
                env("OTKLIK_CRM_BITRIX24_QUALITY_FIELD", Bitrix24Bodies.Fields.DEFAULT.qualityField()),
                env("OTKLIK_CRM_BITRIX24_CONFIRMED_FIELD", Bitrix24Bodies.Fields.DEFAULT.confirmedField()),
                env("OTKLIK_CRM_BITRIX24_APPOINTMENT_FIELD", Bitrix24Bodies.Fields.DEFAULT.appointmentField()));
        System.out.println("crm-setup: tenant " + tenant.id() + ", Bitrix24 portal from " + tenant.crm().webhookUrlEnv());
        try {
            int created = new Bitrix24Setup(url, System.out).run(Bitrix24Setup.fields(names),
                    Bitrix24Setup.statuses(tenant.crm().statuses(), tenant.crm().sourceId()));
            System.out.println("crm-setup: done, " + created + " created");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Bitrix24Setup.SetupException e) {
            System.err.println("crm-setup: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            // other messages may quote the webhook URL, a secret
            System.err.println("crm-setup: no answer from the portal: " + e.getClass().getSimpleName());
            return 1;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
