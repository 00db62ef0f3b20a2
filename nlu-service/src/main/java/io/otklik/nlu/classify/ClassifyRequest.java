package io.otklik.nlu.classify;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code POST /api/v1/classify}. */
@RegisterForReflection
public record ClassifyRequest(String text) {
}
