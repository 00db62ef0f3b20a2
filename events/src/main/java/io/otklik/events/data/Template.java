package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** A pre-approved messenger template (WhatsApp outside the 24 h window): name, language and body parameters. */
@RegisterForReflection
public record Template(String name, String language, List<String> parameters) {
}
