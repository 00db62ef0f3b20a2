package io.otklik.routing.dialog;

import io.otklik.platform.tenant.Tenant;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Every text the bot sends a client, as Qute templates a business can edit. A text named {@code booked} is looked up
 * in this order: {@code <templates-dir>/<tenant id>/booked.txt} (the tenant's own, re-read when the file changes),
 * then the bundled {@code dialog-templates/<segment>/booked.txt}, then {@code dialog-templates/default/booked.txt}.
 * Data is passed as plain values (strings, numbers, booleans, lists of strings), so rendering needs no reflection. A
 * tenant's template that does not parse or render is logged and the bundled one is used instead: a typo never
 * silences the bot.
 */
public final class DialogTexts {

    private static final Logger LOG = Logger.getLogger(DialogTexts.class);
    static final String BUNDLED = "dialog-templates/";
    static final String DEFAULT_SEGMENT = "default";
    static final String SUFFIX = ".txt";

    private final Engine engine = Engine.builder().addDefaults().strictRendering(true).build();
    private final Path dir;
    private final Map<String, Optional<Template>> bundled = new ConcurrentHashMap<>();
    private final Map<Path, Override> overrides = new ConcurrentHashMap<>();

    private record Override(FileTime modified, Template template) {
    }

    /**
     * @param dir the directory with one sub-folder per tenant id, or null for the bundled texts only
     */
    public DialogTexts(Path dir) {
        this.dir = dir;
    }

    /** Only the texts bundled with the service. */
    public static DialogTexts bundled() {
        return new DialogTexts(null);
    }

    /**
     * Renders one text for a tenant. Every template also sees {@code tenant} (the business's name) and
     * {@code segment}.
     *
     * @throws IllegalStateException when no bundled template has that name (a programming error)
     */
    public String render(Tenant tenant, String name, Map<String, ?> data) {
        Optional<Template> own = tenantTemplate(tenant, name);
        if (own.isPresent()) {
            try {
                return render(own.get(), tenant, data);
            } catch (RuntimeException e) {
                LOG.warnf("tenant=%s template=%s: the tenant's template failed to render (%s); the bundled one is"
                        + " used", tenant.id(), name, e.getMessage());
            }
        }
        return render(bundledTemplate(tenant.segment(), name), tenant, data);
    }

    private static String render(Template template, Tenant tenant, Map<String, ?> data) {
        TemplateInstance instance = template.instance();
        instance.data("tenant", tenant.name());
        instance.data("segment", tenant.segment() == null ? DEFAULT_SEGMENT : tenant.segment());
        data.forEach(instance::data);
        // a template file ends with a newline and may wrap a long text over lines
        return tidy(instance.render());
    }

    /** One line: the template's line breaks (kept for editing) become spaces, runs of spaces one space. */
    static String tidy(String rendered) {
        return rendered.strip().replaceAll("\\s+", " ");
    }

    private Template bundledTemplate(String segment, String name) {
        for (String s : segment == null ? List.of(DEFAULT_SEGMENT) : List.of(segment, DEFAULT_SEGMENT)) {
            Optional<Template> t = bundled.computeIfAbsent(s + "/" + name, this::loadBundled);
            if (t.isPresent()) {
                return t.get();
            }
        }
        throw new IllegalStateException("no bundled dialog template '" + name + "'");
    }

    private Optional<Template> loadBundled(String path) {
        try (InputStream in = DialogTexts.class.getClassLoader().getResourceAsStream(BUNDLED + path + SUFFIX)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(engine.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Template> tenantTemplate(Tenant tenant, String name) {
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(tenant.id()).resolve(name + SUFFIX);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            FileTime modified = Files.getLastModifiedTime(file);
            Override cached = overrides.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return Optional.of(cached.template());
            }
            Template parsed = engine.parse(Files.readString(file, StandardCharsets.UTF_8));
            overrides.put(file, new Override(modified, parsed));
            LOG.infof("tenant=%s template=%s: loaded from %s", tenant.id(), name, file);
            return Optional.of(parsed);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("tenant=%s template=%s: %s cannot be used (%s); the bundled one is used", tenant.id(), name,
                    file, e.getMessage());
            return Optional.empty();
        }
    }
}
