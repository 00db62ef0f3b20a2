package io.otklik.routing.dialog;

import io.otklik.platform.experiment.Experiments;
import io.otklik.platform.tenant.Tenant;
import io.otklik.platform.tenant.TenantValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a tenant's A/B experiments whenever tenants.yaml is (re)loaded, so a bad one refuses the file (the previous
 * configuration stays): ids unique and not blank, a known kind, at least two variants with unique names and weights of
 * at least 1; a script variant's {@code texts} name texts the dialog has and each parses as a Qute template; no text is
 * replaced by two experiments (their arms would confound).
 */
@ApplicationScoped
public class ScriptExperiments implements TenantValidator {

    /** The kind of experiment whose variants replace dialog texts. */
    public static final String KIND = "script";
    static final Set<String> KINDS = Set.of(KIND, "reminders");

    @Override
    public void validate(Tenant tenant) {
        Set<String> ids = new HashSet<>();
        Map<String, String> replacedBy = new HashMap<>();
        for (Tenant.Experiment e : tenant.experiments()) {
            if (e.id() == null || e.id().isBlank()) {
                throw new IllegalArgumentException("experiments: an experiment has no id");
            }
            String where = "experiment '" + e.id() + "'";
            if (!ids.add(e.id())) {
                throw new IllegalArgumentException(where + " is declared twice");
            }
            if (!KINDS.contains(e.kind())) {
                throw new IllegalArgumentException(where + ": kind '" + e.kind() + "' is none of " + KINDS);
            }
            Experiments.checkArms(e, where);
            Set<String> texts = new HashSet<>();
            for (Tenant.Variant v : e.variants()) {
                String variant = where + " variant '" + v.name() + "'";
                if (!KIND.equals(e.kind())) {
                    if (!v.texts().isEmpty()) {
                        throw new IllegalArgumentException(variant + ": texts belong to a script experiment, this one"
                                + " is of kind '" + e.kind() + "'");
                    }
                    continue;
                }
                if (!v.before().isEmpty()) {
                    throw new IllegalArgumentException(variant + ": before belongs to a reminders experiment, this"
                            + " one is of kind script");
                }
                v.texts().forEach((name, source) -> {
                    String text = variant + " text '" + name + "'";
                    if (!DialogTexts.exists(name)) {
                        throw new IllegalArgumentException(text + ": the dialog has no text of that name (see"
                                + " routing-service/src/main/resources/dialog-templates/default)");
                    }
                    if (source == null || source.isBlank()) {
                        throw new IllegalArgumentException(text + " is empty");
                    }
                    try {
                        DialogTexts.parse(source);
                    } catch (RuntimeException ex) {
                        throw new IllegalArgumentException(text + " is not a valid template: " + ex.getMessage(), ex);
                    }
                    texts.add(name);
                });
            }
            for (String text : texts) {
                String other = replacedBy.putIfAbsent(text, e.id());
                if (other != null) {
                    throw new IllegalArgumentException(where + ": text '" + text + "' is already replaced by"
                            + " experiment '" + other + "'; one text, one experiment");
                }
            }
        }
    }
}
