package io.otklik.metrics.facts;

import io.otklik.events.EventEnvelope;
import io.otklik.events.data.AppointmentBooked;
import io.otklik.events.data.AppointmentCancelled;
import io.otklik.events.data.AppointmentConfirmed;
import io.otklik.events.data.AppointmentRescheduled;
import io.otklik.events.data.Channel;
import io.otklik.events.data.HandoffRequested;
import io.otklik.events.data.LeadCreated;
import io.otklik.events.data.LeadRouted;
import io.otklik.events.data.LeadStatusChanged;
import io.otklik.events.data.MessageClassified;
import io.otklik.events.data.MessageReceived;
import io.otklik.events.data.NoShow;
import io.otklik.events.data.ReminderSent;
import io.otklik.events.data.ReplyFailed;
import io.otklik.events.data.ReplyKind;
import io.otklik.events.data.ReplyRequested;
import io.otklik.events.data.ReplySent;
import io.otklik.metrics.report.ResponseTime;
import java.time.Instant;
import java.util.UUID;

/**
 * What metrics keep of one event besides its payload: the envelope, and the few payload fields reports group by.
 *
 * @param conversationId the conversation the event belongs to, if it names one
 * @param channel        the channel the event names, if any (appointment events name none)
 * @param answer         for a {@code reply_sent} ANSWER that knows when its question arrived: the response time
 */
public record Fact(UUID eventId, String tenantId, String type, String subject, Instant occurredAt,
                   String conversationId, Channel channel, Answer answer) {

    /**
     * An answer to a client's message, a candidate for its conversation's first response.
     *
     * @param responseMs {@code sentAt - inboundReceivedAt} in milliseconds
     */
    public record Answer(UUID replyId, Instant inboundReceivedAt, Instant sentAt, long responseMs) {
    }

    public static Fact of(EventEnvelope<?> event) {
        Object data = event.data();
        String conversation = null;
        Channel channel = null;
        Answer answer = null;
        if (data instanceof MessageReceived m) {
            conversation = m.conversationId();
            channel = m.channel();
        } else if (data instanceof MessageClassified c && c.message() != null) {
            conversation = c.message().conversationId();
            channel = c.message().channel();
        } else if (data instanceof ReplyRequested r) {
            conversation = r.conversationId();
            channel = r.channel();
        } else if (data instanceof ReplySent s) {
            conversation = s.conversationId();
            channel = s.channel();
            if (s.kind() == ReplyKind.ANSWER && s.inboundReceivedAt() != null && s.sentAt() != null
                    && s.replyId() != null && s.channel() != null) {
                answer = new Answer(s.replyId(), s.inboundReceivedAt(), s.sentAt(),
                        ResponseTime.millis(s.inboundReceivedAt(), s.sentAt()));
            }
        } else if (data instanceof ReplyFailed f) {
            conversation = f.conversationId();
            channel = f.channel();
        } else if (data instanceof LeadCreated l) {
            conversation = l.conversationId();
            channel = l.channel();
        } else if (data instanceof LeadRouted l) {
            conversation = l.conversationId();
        } else if (data instanceof HandoffRequested h) {
            conversation = h.conversationId();
            channel = h.channel();
        } else if (data instanceof AppointmentBooked b) {
            conversation = b.conversationId();
            channel = b.channel();
        } else if (data instanceof AppointmentConfirmed a) {
            conversation = a.conversationId();
        } else if (data instanceof AppointmentCancelled a) {
            conversation = a.conversationId();
        } else if (data instanceof AppointmentRescheduled a) {
            conversation = a.conversationId();
        } else if (data instanceof ReminderSent r) {
            conversation = r.conversationId();
            channel = r.channel();
        } else if (data instanceof LeadStatusChanged l) {
            conversation = l.conversationId();
        } else if (data instanceof NoShow n) {
            conversation = n.conversationId();
        } else if (data instanceof io.otklik.events.data.ReplyDrafted d) {
            conversation = d.conversationId();
            channel = d.channel();
        } else if (data instanceof io.otklik.events.data.DraftReviewed d) {
            conversation = d.conversationId();
        } else if (data instanceof io.otklik.events.data.IntentFeedback feedback) {
            conversation = feedback.conversationId();
        }
        return new Fact(event.id(), event.tenantId(), event.type(), event.subject(), event.time(),
                blankToNull(conversation), channel, answer);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
