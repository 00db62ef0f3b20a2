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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Every text the bot sends a client, as Qute templates a business can edit. A text named {@code booked} is looked up
 * in this order: the {@code texts.booked} of the conversation's variant of a script experiment (tenants.yaml
 * {@code experiments}; see {@link #forVariants}), then {@code <templates-dir>/<tenant id>/booked.txt} (the tenant's
 * own, re-read when the file changes), then the bundled {@code dialog-templates/<segment>/booked.txt}, then
 * {@code dialog-templates/default/booked.txt}.
 * Data is passed as plain values (strings, numbers, booleans, lists of strings), so rendering needs no reflection. A
 * tenant's template or a variant's text that does not parse or render is logged and the next one in that order is
 * used instead: a typo never silences the bot.
 */
public final class DialogTexts {

    private static final Logger LOG = Logger.getLogger(DialogTexts.class);
    static final String BUNDLED = "dialog-templates/";
    static final String DEFAULT_SEGMENT = "default";
    static final String SUFFIX = ".txt";

    private final Engine engine;
    private final Path dir;
    private final Map<String, Optional<Template>> bundled;
    private final Map<Path, Override> overrides;
    /** Parsed variant texts by their source: a reloaded tenants file with the same text parses nothing again. */
    private final Map<String, Template> variantTemplates;
    /** This view's variant texts by text name; empty for the plain texts. */
    private final Map<String, VariantText> variantTexts;

    private record Override(FileTime modified, Template template) {
    }

    /** A text a variant of a script experiment replaces. */
    private record VariantText(String experiment, String variant, String source) {
    }

    /**
     * @param dir the directory with one sub-folder per tenant id, or null for the bundled texts only
     */
    public DialogTexts(Path dir) {
        this(Engine.builder().addDefaults().strictRendering(true).build(), dir, new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), Map.of());
    }

    private DialogTexts(Engine engine, Path dir, Map<String, Optional<Template>> bundled,
                        Map<Path, Override> overrides, Map<String, Template> variantTemplates,
                        Map<String, VariantText> variantTexts) {
        this.engine = engine;
        this.dir = dir;
        this.bundled = bundled;
        this.overrides = overrides;
        this.variantTemplates = variantTemplates;
        this.variantTexts = variantTexts;
    }

    /**
     * These texts as one conversation reads them: the {@code texts} of its variants of the tenant's script
     * experiments come first (sharing this instance's caches). An experiment or variant the tenant no longer runs is
     * skipped; two experiments never replace the same text (refused at load by {@link ScriptExperiments}), else the
     * first in tenants.yaml order would win.
     *
     * @param variants experiment id → variant name, as {@code Experiments.variants} assigned them
     */
    public DialogTexts forVariants(Tenant tenant, Map<String, String> variants) {
        if (variants == null || variants.isEmpty()) {
            return this;
        }
        Map<String, VariantText> texts = new HashMap<>();
        for (Tenant.Experiment e : tenant.experiments(ScriptExperiments.KIND)) {
            String name = variants.get(e.id());
            e.variants().stream().filter(v -> v.name().equals(name)).findFirst().ifPresent(v -> v.texts()
                    .forEach((text, source) -> texts.putIfAbsent(text, new VariantText(e.id(), v.name(), source))));
        }
        return texts.isEmpty() ? this
                : new DialogTexts(engine, dir, bundled, overrides, variantTemplates, Map.copyOf(texts));
    }

    /** Whether the service bundles a text of this name (every text name a tenant or variant may replace). */
    public static boolean exists(String name) {
        return name != null && name.matches("[a-z][a-z0-9-]*")
                && DialogTexts.class.getClassLoader().getResource(BUNDLED + DEFAULT_SEGMENT + "/" + name + SUFFIX)
                != null;
    }

    /**
     * Parses a template the way the dialog does.
     *
     * @throws io.quarkus.qute.TemplateException when it does not parse
     */
    public static void parse(String source) {
        Engine.builder().addDefaults().strictRendering(true).build().parse(source);
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
        VariantText variant = variantTexts.get(name);
        if (variant != null) {
            try {
                return render(variantTemplates.computeIfAbsent(variant.source(), engine::parse), tenant, data);
            } catch (RuntimeException e) {
                LOG.warnf("tenant=%s template=%s experiment=%s variant=%s: the variant's text failed (%s); the"
                        + " tenant's or the bundled one is used", tenant.id(), name, variant.experiment(),
                        variant.variant(), e.getMessage());
            }
        }
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
