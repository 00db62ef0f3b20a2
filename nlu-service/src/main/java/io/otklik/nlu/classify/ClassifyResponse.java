package io.otklik.nlu.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otklik.events.data.Classification;
import io.otklik.events.data.Entities;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.format.DateTimeFormatter;

/**
 * What {@code POST /api/v1/classify} answers: the same facts as the event's classification, in the REST API's own
 * shape (dates ISO, times HH:mm, absent entities left out).
 */
@RegisterForReflection
public record ClassifyResponse(String intent, double confidence, boolean urgent, boolean fallback,
                               EntitiesBody entities, String model) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The entities found; every field optional. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntitiesBody(String service, String date, String time, String phone, String name) {
    }

    static ClassifyResponse of(Classification c) {
        Entities e = c.entities();
        return new ClassifyResponse(c.intent(), c.confidence(), c.urgent(), c.fallback(),
                new EntitiesBody(e.service(), e.date() == null ? null : e.date().toString(),
                        e.time() == null ? null : e.time().format(HH_MM), e.phone(), e.name()),
                c.model());
    }
}
