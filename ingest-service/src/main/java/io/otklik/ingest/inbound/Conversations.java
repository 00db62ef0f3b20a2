package io.otklik.ingest.inbound;

import io.otklik.events.data.Channel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The conversation id of a client's thread: stable for one business account and one client on one channel. */
public final class Conversations {

    private Conversations() {
    }

    public static String id(String tenantId, Channel channel, String channelAccountId, String channelUserId) {
        String name = tenantId + '|' + channel + '|' + channelAccountId + '|' + channelUserId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
