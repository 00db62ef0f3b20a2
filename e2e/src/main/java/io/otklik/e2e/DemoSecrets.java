package io.otklik.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values the demo tenants' secret references (tenants.yaml *Env fields) resolve to in demo and end-to-end runs.
 * Test values only: real installations set them from Kubernetes Secrets.
 */
public final class DemoSecrets {

    public static final String SALON_WA_APP_SECRET = "demo_app_secret_salon";
    public static final String CLINIC_WA_APP_SECRET = "demo_app_secret_clinic";
    public static final String SALON_TG_SECRET = "demo-tg-secret";
    public static final String SALON_TG_TOKEN = "700001:demo-bot-token";
    public static final String SALON_IG_APP_SECRET = "demo_ig_app_secret_salon";
    public static final String SALON_IG_ACCOUNT = "17841400000000000";
    public static final String SALON_API_KEY = "demo-salon-key";
    public static final String CLINIC_API_KEY = "demo-clinic-key";
    public static final String ADMIN_API_KEY = "demo-admin-key";
    public static final String SALON_WA_NUMBER = "106540352242922";
    public static final String CLINIC_WA_NUMBER = "106540352242999";

    private DemoSecrets() {
    }

    /** Environment for the services; {@code fakes} gives the Bitrix24 portals' webhook URLs. */
    public static Map<String, String> env(Fakes fakes) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OTKLIK_DEMO_SALON_WA_APP_SECRET", SALON_WA_APP_SECRET);
        env.put("OTKLIK_DEMO_SALON_WA_VERIFY_TOKEN", "demo-verify-salon");
        env.put("OTKLIK_DEMO_SALON_WA_ACCESS_TOKEN", "demo-wa-token-salon");
        env.put("OTKLIK_DEMO_SALON_TG_BOT_TOKEN", SALON_TG_TOKEN);
        env.put("OTKLIK_DEMO_SALON_TG_SECRET", SALON_TG_SECRET);
        env.put("OTKLIK_DEMO_SALON_IG_APP_SECRET", SALON_IG_APP_SECRET);
        env.put("OTKLIK_DEMO_SALON_IG_VERIFY_TOKEN", "demo-verify-ig-salon");
        env.put("OTKLIK_DEMO_SALON_IG_ACCESS_TOKEN", "demo-ig-token-salon");
        env.put("OTKLIK_DEMO_SALON_SMS_API_KEY", "demo-sms-api-id");
        env.put("OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK", fakes.bitrixWebhook("lyon"));
        env.put("OTKLIK_DEMO_SALON_BITRIX24_APP_TOKEN", "demo-bitrix-app-token-salon");
        env.put("OTKLIK_DEMO_SALON_API_KEY", SALON_API_KEY);
        env.put("OTKLIK_DEMO_CLINIC_WA_APP_SECRET", CLINIC_WA_APP_SECRET);
        env.put("OTKLIK_DEMO_CLINIC_WA_VERIFY_TOKEN", "demo-verify-clinic");
        env.put("OTKLIK_DEMO_CLINIC_WA_ACCESS_TOKEN", "demo-wa-token-clinic");
        env.put("OTKLIK_DEMO_CLINIC_BITRIX24_WEBHOOK", fakes.bitrixWebhook("ulybka"));
        env.put("OTKLIK_DEMO_CLINIC_BITRIX24_APP_TOKEN", "demo-bitrix-app-token-clinic");
        // the Bitrix24 fakes here answer single calls from templates (the end-to-end test compares their JSON
        // bodies); batch calls are exercised by crm-sync's fault test and ./otklik bench crm (testkit FakeBitrix24)
        env.put("OTKLIK_CRM_BITRIX24_BATCH_MAX", "1");
        env.put("OTKLIK_DEMO_CLINIC_API_KEY", CLINIC_API_KEY);
        env.put("OTKLIK_ADMIN_API_KEY", ADMIN_API_KEY);
        env.put("OTKLIK_WHATSAPP_GRAPH_URL", fakes.whatsAppGraphUrl());
        env.put("OTKLIK_TELEGRAM_API_URL", fakes.telegramApiUrl());
        env.put("OTKLIK_INSTAGRAM_GRAPH_URL", fakes.instagramGraphUrl());
        env.put("OTKLIK_SMS_URL", fakes.smsUrl());
        return env;
    }
}
