package io.otklik.routing.dialog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The dialog's texts: bundled templates, overridden per tenant from {@code otklik.routing.templates-dir}. */
@ApplicationScoped
public class DialogTextsProducer {

    private static final Logger LOG = Logger.getLogger(DialogTextsProducer.class);

    @Produces
    @Singleton
    DialogTexts texts(@ConfigProperty(name = "otklik.routing.templates-dir") Optional<String> dir) {
        Path path = dir.filter(d -> !d.isBlank()).map(Path::of).orElse(null);
        LOG.infof("dialog texts: bundled%s", path == null ? " only" : ", overridden per tenant from " + path
                .toAbsolutePath());
        return new DialogTexts(path);
    }
}
