package io.otklik.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.otklik.e2e.InfraProcess;
import io.otklik.e2e.Project;
import io.otklik.e2e.Suite;
import io.otklik.events.EventEnvelope;
import io.otklik.events.EventJson;
import io.otklik.events.EventTypes;
import io.otklik.events.data.Channel;
import io.otklik.events.data.Contact;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.Utm;
import io.otklik.testkit.FakeBitrix24;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * ./otklik bench crm: a backlog of lead_created events (2,000 by default) on a fresh broker, then crm-sync-service
 * (the built jar, alone) with its default limiter — 2 requests/s per portal, burst 50, batches of 50 commands —
 * against a stateful fake Bitrix24 portal in this JVM ({@link FakeBitrix24}, WireMock, the real wire formats) that
 * enforces Bitrix24's own leaky bucket (2/s, burst 50) and answers 503 QUERY_LIMIT_EXCEEDED beyond it. Measures
 * how fast the backlog reaches the CRM: ops = leads added, from the portal's first request until the last lead
 * exists; the ceiling is rps × batch size = 100 ops/s.
 */
public final class CrmBench {

    static final String USAGE = """

            usage: ./otklik bench crm [options]
              --leads 2000         backlog of lead_created events (tenant demo-salon) before the service starts
              --timeout 10m        give up when the backlog has not reached the fake portal by then
              --port-base 18080    crm-sync-service on port-base+4
              --kafka-port 19192   the bench's own fresh Kafka broker (and port+1 for its controller)
              --fakes-port 18089   the fake Bitrix24 portal""";

    static final String RUN = "benchcrm";
    static final String WEBHOOK_PATH = "/rest/1/benchcode";
    /** The service's defaults: the bench measures them, it does not set them. */
    static final double DEFAULT_RPS = 2;
    static final int DEFAULT_BURST = 50;
    static final int BATCH = 50;

    private CrmBench() {
    }

    record Options(int leads, Duration timeout, int portBase, int kafkaPort, int fakesPort) {
    }

    /** The measured figures and the last line. */
    record Report(int leads, double seconds, double ceiling, int limiterErrors, int duplicates) {

        double opsPerSecond() {
            return seconds <= 0 ? 0 : leads / seconds;
        }

        double ratio() {
            return ceiling <= 0 ? 0 : opsPerSecond() / ceiling;
        }

        String line() {
            return String.format(Locale.ROOT, "crm: ops_per_s=%.1f ceiling_ops_per_s=%.0f ratio=%.2f"
                    + " limiter_errors=%d duplicates=%d", opsPerSecond(), ceiling, ratio(), limiterErrors, duplicates);
        }
    }

    static Options parse(String[] args) {
        int leads = 2000;
        Duration timeout = Duration.ofMinutes(10);
        int portBase = 18080;
        int kafkaPort = 19192;
        int fakesPort = 18089;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--leads" -> leads = Integer.parseInt(v);
                case "--timeout" -> timeout = BenchMain.duration(v);
                case "--port-base" -> portBase = Integer.parseInt(v);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(v);
                case "--fakes-port" -> fakesPort = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (leads <= 0) {
            throw new IllegalArgumentException("--leads must be positive");
        }
        return new Options(leads, timeout, portBase, kafkaPort, fakesPort);
    }

    /** Runs the benchmark; the exit code. */
    public static int main(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + USAGE);
            return 2;
        }
        Path root = Project.root();
        Path work = root.resolve(".otklik/bench-crm");
        List<AutoCloseable> started = new ArrayList<>();
        Thread hook = new Thread(() -> stop(started), "bench-crm-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            say("starting Kafka on 127.0.0.1:%d and PostgreSQL (fresh broker, database %s)", o.kafkaPort(),
                    Suite.Service.CRM.database(RUN));
            InfraProcess infra = InfraProcess.start(root, work.resolve("infra"), o.kafkaPort(), o.kafkaPort() + 1,
                    List.of(Suite.Service.CRM.database(RUN)), line -> System.out.println("  " + line));
            started.add(infra);

            FakeBitrix24 fake = new FakeBitrix24(1).enforceLimit(DEFAULT_RPS, DEFAULT_BURST);
            WireMockServer portal = new WireMockServer(WireMockConfiguration.options().port(o.fakesPort())
                    .bindAddress("127.0.0.1").containerThreads(20).extensions(fake));
            portal.start();
            started.add(portal::stop);
            fake.install(portal, WEBHOOK_PATH);
            say("fake Bitrix24 portal on %s (its own limit: %.0f req/s, burst %d)", portal.baseUrl(), DEFAULT_RPS,
                    DEFAULT_BURST);

            publish(infra.kafka(), o.leads());
            say("%d lead_created events published (the backlog)", o.leads());

            Map<String, String> env = new HashMap<>(infra.env());
            env.put("OTKLIK_DEMO_SALON_BITRIX24_WEBHOOK", portal.baseUrl() + WEBHOOK_PATH);
            env.put("OTKLIK_DEMO_SALON_BITRIX24_APP_TOKEN", "bench-app-token");
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
            Suite suite = Suite.start(root, work.resolve("logs"), RUN, o.portBase(), env,
                    List.of(Suite.Service.CRM), line -> System.out.println("  " + line));
            started.add(suite);

            long deadline = System.nanoTime() + o.timeout().toNanos();
            int last = -1;
            while (fake.distinctLeads() < o.leads()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + fake.distinctLeads() + " of " + o.leads()
                            + " leads reached the portal within " + o.timeout());
                }
                Thread.sleep(1000);
                if (fake.distinctLeads() != last) {
                    last = fake.distinctLeads();
                    say("%d leads in the CRM, %d requests (%d batches, %d commands), %d limit errors", last,
                            fake.requests(), fake.batches(), fake.commands(), fake.limitErrors());
                }
            }
            double seconds = (fake.lastNewLeadNanos() - fake.firstRequestNanos()) / 1e9;
            Report report = new Report(o.leads(), seconds, DEFAULT_RPS * BATCH, fake.limitErrors(),
                    fake.duplicates());
            say("%d leads in %.1f s from the portal's first request; %d requests (%d batches, %d commands)",
                    o.leads(), seconds, fake.requests(), fake.batches(), fake.commands());
            say("request rate vs the limiter: worst excess over 2/s × window + 50 = %.1f",
                    fake.maxExcess(DEFAULT_RPS, DEFAULT_BURST, 50));
            stop(started);
            System.out.println(report.line());
            return 0;
        } catch (Exception e) {
            System.err.println("bench: failed: " + e);
            stop(started);
            return 1;
        }
    }

    private static void publish(String bootstrap, int leads) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < leads; i++) {
                EventEnvelope<LeadCreated> event = lead(i);
                producer.send(new ProducerRecord<>(event.type(), event.subject(), EventJson.write(event)));
            }
            producer.flush();
        }
    }

    static EventEnvelope<LeadCreated> lead(int i) {
        UUID leadId = UUID.randomUUID();
        String conversation = UUID.randomUUID().toString();
        String phone = String.format(Locale.ROOT, "+7916%07d", i);
        LeadCreated data = new LeadCreated(leadId, conversation, "bench-client-" + i, Channel.WHATSAPP,
                new Contact(phone.substring(1), "Клиент " + i, phone), new Utm("instagram", "cpc", null, null, null),
                "BOOK", "Хочет записаться на стрижку", false, Instant.now());
        return EventEnvelope.of(EventTypes.LEAD_CREATED, "routing-service", Instant.now(), "demo-salon",
                conversation, data);
    }

    private static void stop(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("bench: stopping: " + e);
            }
        }
        started.clear();
    }

    private static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
