package io.otklik.reminder.admin;

import io.otklik.platform.web.ApiKeys;
import io.otklik.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's admin key (env {@code OTKLIK_ADMIN_API_KEY}), compared in constant time; unset = no admin calls. */
@ApplicationScoped
public class AdminAccess {

    private final Optional<String> adminKey;

    public AdminAccess(@ConfigProperty(name = "otklik.admin-api-key") Optional<String> adminKey) {
        this.adminKey = adminKey.map(String::strip).filter(k -> !k.isEmpty());
    }

    /** @throws ProblemException 401 unless {@code apiKey} is the admin key */
    public void require(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ProblemException.unauthorized("send the admin key in the " + ApiKeys.HEADER + " header");
        }
        if (adminKey.isEmpty() || !MessageDigest.isEqual(adminKey.get().getBytes(StandardCharsets.UTF_8),
                apiKey.strip().getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("the " + ApiKeys.HEADER + " is not the admin key");
        }
    }
}
