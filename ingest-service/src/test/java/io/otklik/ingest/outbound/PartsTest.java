package io.otklik.ingest.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A split message's pieces: the ids of every delivered piece are kept, in order, also when one fails. */
class PartsTest {

    static Uni<Delivery> answer(String piece) {
        return Uni.createFrom().item(piece.startsWith("bad")
                ? Delivery.failed("131000", "Something went wrong", true)
                : Delivery.sent("wamid." + piece));
    }

    @Test
    void everyDeliveredPieceKeepsItsIdAndTheFirstNamesTheMessage() {
        Delivery d = Parts.send(List.of("a", "b", "c"), 0, PartsTest::answer).await().indefinitely();
        assertThat(d.sent()).isTrue();
        assertThat(d.partsSent()).isEqualTo(3);
        assertThat(d.externalMessageIds()).containsExactly("wamid.a", "wamid.b", "wamid.c");
        assertThat(d.externalMessageId()).isEqualTo("wamid.a");
    }

    @Test
    void aFailedPieceStopsTheRestAndKeepsTheIdsOfThoseBefore() {
        Delivery d = Parts.send(List.of("a", "bad", "c"), 0, PartsTest::answer).await().indefinitely();
        assertThat(d.sent()).isFalse();
        assertThat(d.errorCode()).isEqualTo("131000");
        assertThat(d.retryable()).isTrue();
        assertThat(d.partsSent()).isEqualTo(1);
        assertThat(d.externalMessageIds()).containsExactly("wamid.a");
    }

    @Test
    void aRetrySendsOnlyTheRestAndNamesOnlyWhatItDelivered() {
        Delivery d = Parts.send(List.of("a", "b", "c"), 1, PartsTest::answer).await().indefinitely();
        assertThat(d.partsSent()).isEqualTo(3);
        assertThat(d.externalMessageIds()).containsExactly("wamid.b", "wamid.c");
    }

    @Test
    void windowClosedErrorsAreWhatsApps131047AndInstagrams10Subcode2018278() {
        assertThat(ReplyRoutes.windowClosedError(io.otklik.events.data.Channel.WHATSAPP, "131047")).isTrue();
        assertThat(ReplyRoutes.windowClosedError(io.otklik.events.data.Channel.INSTAGRAM, "10/2018278")).isTrue();
        assertThat(ReplyRoutes.windowClosedError(io.otklik.events.data.Channel.INSTAGRAM, "10")).isFalse();
        assertThat(ReplyRoutes.windowClosedError(io.otklik.events.data.Channel.TELEGRAM, "131047")).isFalse();
    }
}
