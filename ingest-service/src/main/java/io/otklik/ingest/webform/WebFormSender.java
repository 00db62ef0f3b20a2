package io.otklik.ingest.webform;

import io.otklik.events.data.Channel;
import io.otklik.ingest.outbound.ChannelSender;
import io.otklik.ingest.outbound.Delivery;
import io.otklik.ingest.outbound.SendRequest;
import io.otklik.platform.tenant.Tenant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Web-form replies are not pushed anywhere: the stored outbound row is the delivery, and the form's page reads it
 * from {@code GET /api/v1/forms/{formId}/messages/{messageId}/replies}.
 */
@ApplicationScoped
public class WebFormSender implements ChannelSender {

    @Override
    public Channel channel() {
        return Channel.WEB_FORM;
    }

    @Override
    public Uni<Delivery> send(Tenant tenant, SendRequest request) {
        return Uni.createFrom().item(Delivery.sent("web:" + request.reply().replyId()));
    }
}
