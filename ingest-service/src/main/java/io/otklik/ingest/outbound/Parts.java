package io.otklik.ingest.outbound;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Sends the parts of a split message in order, stopping at the first failure and counting what went out. */
public final class Parts {

    private Parts() {
    }

    /**
     * @param skip parts an earlier attempt delivered; they are not sent again
     * @return the last part's outcome, with {@link Delivery#partsSent()} counting every delivered part,
     *         {@link Delivery#externalMessageIds()} the ids of the parts delivered now and
     *         {@link Delivery#externalMessageId()} the first of them
     */
    public static <T> Uni<Delivery> send(List<T> parts, int skip, Function<T, Uni<Delivery>> one) {
        Uni<Delivery> chain = Uni.createFrom().item(Delivery.sent(null).withParts(skip));
        for (int i = Math.max(0, skip); i < parts.size(); i++) {
            T part = parts.get(i);
            int before = i;
            chain = chain.chain(previous -> previous.sent()
                    ? one.apply(part).map(d -> d.withParts(d.sent() ? before + 1 : before)
                            .afterPieces(previous.externalMessageIds()))
                    : Uni.createFrom().item(previous));
        }
        return chain;
    }
}
