package io.otklik.events.data;

/** Why a message to a client is sent. */
public enum ReplyKind {
    ANSWER, FOLLOW_UP, REMINDER, HANDOFF_NOTICE
}
