package io.otklik.events.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** nlu-service classified a message; the message travels along so routing needs no second lookup. */
@RegisterForReflection
public record MessageClassified(MessageReceived message, Classification classification) {
}
