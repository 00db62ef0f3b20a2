package io.otklik.platform.tenant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tenants of this installation, read once from {@code tenants.yaml} ({@code otklik.tenants.file}). */
@ApplicationScoped
public class TenantRegistry {

    private final List<Tenant> tenants;
    private final Config config;

    @jakarta.inject.Inject
    public TenantRegistry(@ConfigProperty(name = "otklik.tenants.file", defaultValue = "tenants.yaml") String file,
                          Config config) {
        this(load(Path.of(file)), config);
    }

    TenantRegistry(List<Tenant> tenants, Config config) {
        this.tenants = List.copyOf(tenants);
        this.config = config;
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
        ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        File parsed;
        try {
            parsed = yaml.readValue(Files.readString(file), File.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tenants file " + file.toAbsolutePath() + ": " + e.getMessage(),
                    e);
        }
        List<Tenant> tenants = parsed == null || parsed.tenants() == null ? List.of() : parsed.tenants();
        validate(tenants, file);
        return tenants;
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
