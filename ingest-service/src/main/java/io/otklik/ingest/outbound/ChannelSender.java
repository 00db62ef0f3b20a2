package io.otklik.ingest.outbound;

import io.otklik.events.data.Channel;
import io.otklik.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;

/** Sends one message to a client on one channel; never fails the Uni for a channel error, returns it instead. */
public interface ChannelSender {

    Channel channel();

    /** One attempt with a route and the parts already delivered; channels without routes or parts send the text. */
    Uni<Delivery> send(Tenant tenant, SendRequest request);
}
