package io.otklik.events;

/**
 * Binds an event's topic name to its payload record and current schema version.
 *
 * @param topic         the Kafka topic, which is also the CloudEvents {@code type}
 * @param dataClass     the record carried in {@code data}
 * @param schemaVersion the version producers write today
 */
public record EventType<D>(String topic, Class<D> dataClass, int schemaVersion) {

    /** The dead-letter topic of this event's topic. */
    public String deadLetterTopic() {
        return Topics.deadLetter(topic);
    }

    /** The JSON Schema resource describing this event (envelope and data). */
    public String schemaResource() {
        return "schemas/" + topic + ".json";
    }
}
