package io.otklik.platform.tenant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The tenants of this installation, read from {@code tenants.yaml} ({@code otklik.tenants.file}) and reloaded when
 * the file changes on disk (a cheap mtime/size check every {@code otklik.tenants.reload-interval}, 5 s; "off"
 * disables it). A changed file that does not parse or validate (including every {@link TenantValidator} bean's
 * checks) is refused with a log line and the previous configuration stays in force.
 */
@ApplicationScoped
public class TenantRegistry {

    private static final Logger LOG = Logger.getLogger(TenantRegistry.class);

    private volatile List<Tenant> tenants;
    private final Config config;
    private final Path file;
    private final List<TenantValidator> validators;
    private volatile String loadedText;
    private volatile FileTime loadedModified;
    private volatile long loadedSize = -1;

    @jakarta.inject.Inject
    public TenantRegistry(@ConfigProperty(name = "otklik.tenants.file", defaultValue = "tenants.yaml") String file,
                          Config config, Instance<TenantValidator> validators) {
        this(Path.of(file), config, validators.stream().toList());
    }

    /** Without service validators (tools and tests of other modules). */
    public TenantRegistry(String file, Config config) {
        this(Path.of(file), config, List.of());
    }

    /**
     * Reads and validates the file now.
     *
     * @throws IllegalStateException when it cannot be read, parsed or validated
     */
    public TenantRegistry(Path file, Config config, List<TenantValidator> validators) {
        this.file = file;
        this.config = config;
        this.validators = List.copyOf(validators);
        FileTime modified = modified(file);
        long size = size(file);
        String text = read(file);
        this.tenants = List.copyOf(parse(text, file, this.validators));
        this.loadedText = text;
        this.loadedModified = modified;
        this.loadedSize = size;
    }

    TenantRegistry(List<Tenant> tenants, Config config) {
        this.tenants = List.copyOf(tenants);
        this.config = config;
        this.file = null;
        this.validators = List.of();
    }

    /** The scheduled check: reloads only when the file's modification time or size changed. */
    @Scheduled(every = "${otklik.tenants.reload-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkForChanges() {
        if (file == null) {
            return;
        }
        FileTime modified = modified(file);
        long size = size(file);
        if (modified == null || modified.equals(loadedModified) && size == loadedSize) {
            return;
        }
        loadedModified = modified;
        loadedSize = size;
        reload();
    }

    /**
     * Reads the file again and applies it when it changed and is valid; a bad file is logged (the tenant, the line
     * and the reason) and refused, and the previous configuration stays.
     *
     * @return whether a new configuration now applies
     */
    public synchronized boolean reload() {
        if (file == null) {
            return false;
        }
        String text;
        List<Tenant> fresh;
        try {
            text = read(file);
            if (text.equals(loadedText)) {
                return false;
            }
            fresh = parse(text, file, validators);
        } catch (IllegalStateException e) {
            LOG.errorf("tenants file %s changed but is refused, the previous configuration stays in force: %s",
                    file, e.getMessage());
            return false;
        }
        tenants = List.copyOf(fresh);
        loadedText = text;
        LOG.infof("tenants file %s reloaded: %d tenants (%s)", file, fresh.size(),
                String.join(", ", fresh.stream().map(Tenant::id).toList()));
        return true;
    }

    public List<Tenant> all() {
        return tenants;
    }

    public Optional<Tenant> byId(String id) {
        return tenants.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Tenant require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown tenant '" + id + "'"));
    }

    public Optional<Tenant> byWhatsAppNumber(String phoneNumberId) {
        return tenants.stream().filter(t -> t.channels().whatsapp() != null
                && phoneNumberId.equals(t.channels().whatsapp().phoneNumberId())).findFirst();
    }

    public Optional<Tenant> byTelegramBot(String botAlias) {
        return tenants.stream().filter(t -> t.channels().telegram() != null
                && botAlias.equals(t.channels().telegram().botAlias())).findFirst();
    }

    public Optional<Tenant> byInstagramAccount(String accountId) {
        return tenants.stream().filter(t -> t.channels().instagram() != null
                && accountId.equals(t.channels().instagram().accountId())).findFirst();
    }

    public Optional<Tenant> byWebForm(String formId) {
        return tenants.stream().filter(t -> t.channels().webForm() != null
                && formId.equals(t.channels().webForm().formId())).findFirst();
    }

    /** The tenant an API key belongs to. */
    public Optional<Tenant> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return tenants.stream().filter(t -> t.apiKeyEnv() != null
                && secret(t.apiKeyEnv()).map(k -> java.security.MessageDigest.isEqual(
                        k.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        apiKey.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElse(false)).findFirst();
    }

    /** Resolves a secret reference: the environment variable, or config key, of that name. */
    public Optional<String> secret(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        return config.getOptionalValue(reference, String.class).filter(s -> !s.isBlank());
    }

    @RegisterForReflection
    record File(List<Tenant> tenants) {
    }

    static List<Tenant> load(Path file) {
        return parse(read(file), file, List.of());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tenants file " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static List<Tenant> parse(String text, Path file, List<TenantValidator> validators) {
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        File parsed;
        try {
            parsed = yaml.readValue(text, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tenants file " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
        List<Tenant> tenants = parsed == null || parsed.tenants() == null ? List.of() : parsed.tenants();
        validate(tenants, file);
        for (int i = 0; i < tenants.size(); i++) {
            Tenant t = tenants.get(i);
            for (TenantValidator v : validators) {
                try {
                    v.validate(t);
                } catch (TextSettingException e) {
                    // "tenants.yaml line 57, column 22: tenant 'demo-salon': rules line 1, column 22: …"
                    String where = YamlPositions.textStart(text, "/tenants/" + i + "/" + e.setting())
                            .map(start -> start.of(e.line(), e.column()))
                            .map(at -> file + " line " + at.line() + ", column " + at.column())
                            .orElse(file.toString());
                    throw new IllegalStateException(where + ": tenant '" + t.id() + "': " + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + ": tenant '" + t.id() + "': " + e.getMessage(), e);
                }
            }
        }
        return tenants;
    }

    /** Business and staff hours, breaks and the on-duty rota: every span opens before it closes, names exist. */
    static void validateCalendar(Tenant t, String where) {
        Tenant.Hours h = t.hours();
        h.days().forEach((day, span) -> requireSpan(span, where + ": hours.days." + day));
        h.breaks().forEach(span -> requireSpan(span, where + ": hours.breaks"));
        for (Tenant.Staff s : t.staff()) {
            String who = where + ": staff '" + s.id() + "'";
            s.hours().forEach((day, span) -> requireSpan(span, who + " hours." + day));
            s.breaks().forEach(span -> requireSpan(span, who + " breaks"));
        }
        for (Tenant.Duty d : t.onDuty()) {
            if (d.staff() == null || t.staffMember(d.staff()).isEmpty()) {
                throw new IllegalStateException(where + ": onDuty names staff '" + d.staff() + "', who is not in"
                        + " its staff list");
            }
            if (d.from() == null || d.to() == null) {
                throw new IllegalStateException(where + ": every onDuty shift needs from and to (HH:mm)");
            }
        }
    }

    private static void requireSpan(Tenant.Span span, String where) {
        if (span == null || span.from() == null || span.to() == null || !span.from().isBefore(span.to())) {
            throw new IllegalStateException(where + " must be {from: HH:mm, to: HH:mm} with from before to");
        }
    }

    static void validate(List<Tenant> tenants, Path file) {
        Set<String> ids = new HashSet<>();
        for (Tenant t : tenants) {
            String where = file + ": tenant '" + t.id() + "'";
            if (t.id() == null || !t.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new IllegalStateException(file + ": tenant id '" + t.id() + "' must be lower-case letters, digits"
                        + " and dashes");
            }
            if (!ids.add(t.id())) {
                throw new IllegalStateException(where + " is declared twice");
            }
            try {
                ZoneId.of(String.valueOf(t.timezone()));
            } catch (DateTimeException e) {
                throw new IllegalStateException(where + ": timezone '" + t.timezone() + "' is not an IANA zone id");
            }
            if (!t.hours().open().isBefore(t.hours().close()) || t.hours().slotMinutes() <= 0) {
                throw new IllegalStateException(where + ": hours must open before they close, with a positive slot");
            }
            validateCalendar(t, where);
            for (Tenant.Service s : t.services()) {
                if (s.code() == null || s.durationMinutes() <= 0) {
                    throw new IllegalStateException(where + ": every service needs a code and a positive duration");
                }
            }
            for (Tenant.Faq f : t.faq()) {
                if (f.keywords().isEmpty() || f.answer() == null || f.answer().isBlank()) {
                    throw new IllegalStateException(where + ": faq '" + f.topic() + "' needs keywords and an answer");
                }
            }
            Tenant.Nlu nlu = t.nlu();
            for (Double share : java.util.Arrays.asList(nlu.fallbackThreshold(), nlu.minMargin())) {
                if (share != null && (share < 0 || share > 1)) {
                    throw new IllegalStateException(where + ": nlu.fallbackThreshold and nlu.minMargin are shares"
                            + " between 0 and 1, not " + share);
                }
            }
            if (nlu.llm() != null) {
                Tenant.Llm llm = nlu.llm();
                if (llm.baseUrl() == null || !llm.baseUrl().matches("https?://.+") || llm.model() == null) {
                    throw new IllegalStateException(where + ": nlu.llm needs an http(s) baseUrl and a model");
                }
                if (llm.timeoutMillis() != null && llm.timeoutMillis() <= 0) {
                    throw new IllegalStateException(where + ": nlu.llm.timeoutMillis must be positive");
                }
            }
        }
    }
}
