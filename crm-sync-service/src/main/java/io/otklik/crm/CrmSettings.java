package io.otklik.crm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the sync worker, its retries and the Bitrix24 client ({@code otklik.crm.*}). */
@ConfigMapping(prefix = "otklik.crm")
public interface CrmSettings {

    Sync sync();

    Retry retry();

    Bitrix24 bitrix24();

    Inbound inbound();

    /** The worker's loop. */
    interface Sync {

        /** How often due tasks are looked for, besides right after a task is written (a duration, e.g. 1s). */
        @WithDefault("1s")
        String pollInterval();

        @WithDefault("2s")
        String startDelay();

        /**
         * Tasks claimed at once; their CRM calls are started together (so one portal's calls share a batch), their
         * outcomes recorded one after the other.
         */
        @WithDefault("50")
        int batchSize();

        /**
         * How long a claimed task is hidden from other replicas while its call runs; longer than a batch can take,
         * so a crashed worker's tasks come back after it.
         */
        @WithDefault("5m")
        Duration lease();
    }

    /** Exponential backoff of retryable failures. */
    interface Retry {

        /** Calls started per task before it is FAILED (10: even the shortest jitter spans Bitrix24's 10-minute window). */
        @WithDefault("10")
        int maxAttempts();

        /** The wait after the first failure; doubled after each further one, then jittered (half fixed, half random). */
        @WithDefault("5s")
        Duration baseDelay();

        @WithDefault("10m")
        Duration maxDelay();
    }

    /** Bitrix24 inbound-webhook client. */
    interface Bitrix24 {

        /** Connect and read timeout of one call (Bitrix24 itself stops a request after 60 s). */
        @WithDefault("10s")
        Duration timeout();

        /** Client-side limit per portal: Bitrix24 drains 2 requests per second on non-Enterprise plans. */
        @WithDefault("2")
        double requestsPerSecond();

        /**
         * Requests allowed at once before the limit applies: Bitrix24's own bucket holds 50 on non-Enterprise plans.
         * A tenant's {@code crm.rps} / {@code crm.burst} in tenants.yaml override both (paid plans).
         */
        @WithDefault("50")
        int burst();

        /**
         * Calls due for one portal at the same moment go out as one {@code batch} call of at most this many commands
         * (Bitrix24's limit is 50; one batch costs one request of the limit). 1 turns batching off.
         */
        @WithDefault("50")
        int batchMax();

        /**
         * SOURCE_ID of messenger leads when the tenant sets no {@code crm.sourceId}: Bitrix24 has no WhatsApp or
         * Telegram source by default, custom ones differ per portal.
         */
        @WithDefault("OTHER")
        String defaultSourceId();

        /** The lead's user field set to "Y" when the client confirmed the appointment. */
        @WithDefault("UF_CRM_APPOINTMENT_CONFIRMED")
        String confirmedField();

        /** The lead's user field for the Lead Quality Score 1–5 ({@code ./otklik crm-setup} creates it). */
        @WithDefault("UF_CRM_OTKLIK_LQS")
        String qualityField();

        /** The lead's date-time user field for the appointment's start ({@code ./otklik crm-setup} creates it). */
        @WithDefault("UF_CRM_APPOINTMENT_AT")
        String appointmentField();

        /**
         * Whether a lead with a phone is first looked up with {@code crm.duplicate.findbycomm}: a repeat client's
         * open lead is linked instead of a second lead being added.
         */
        @WithDefault("true")
        boolean linkDuplicates();
    }

    /** Status changes made in the CRM: the processor of recorded outbound events and the offline reconcile job. */
    interface Inbound {

        /** The processor's safety-net tick (it also runs right after a webhook is recorded). */
        @WithDefault("5s")
        String pollInterval();

        /** Events claimed at once; they run one after the other. */
        @WithDefault("20")
        int batchSize();

        /** How long a claimed event is hidden from other replicas while its crm.lead.get runs. */
        @WithDefault("5m")
        Duration lease();

        /** How often event.offline.get is read for updates the webhook missed; "off" disables the job. */
        @WithDefault("5m")
        String reconcileInterval();

        /** Records asked of event.offline.get per call (Bitrix24 allows up to 1000; 50 is its default). */
        @WithDefault("50")
        int offlinePageSize();

        /** The portal's STATUS_ID meaning "the client did not come" when the tenant's crm.statuses maps none. */
        @WithDefault("UC_NOSHOW")
        String noShowStatusId();
    }
}
