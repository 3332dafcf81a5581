package org.tanchang.grid.notification.sms;

import org.tanchang.grid.platform.sms.SmsGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.notification.delivery.ChannelSender;
import org.tanchang.grid.notification.delivery.Outgoing;
import org.tanchang.grid.notification.recipient.RecipientDirectory;

/** The SMS channel: title and body in one text, to the mobile decrypted only for this hand-over. */
@Component
class SmsSender implements ChannelSender {

    private final ObjectProvider<SmsGateway> gateway;
    private final RecipientDirectory directory;
    private final String signature;

    SmsSender(ObjectProvider<SmsGateway> gateway, RecipientDirectory directory,
            @Value("${tanchang.notification.sms.sender}") String signature) {
        this.gateway = gateway;
        this.directory = directory;
        this.signature = signature;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean available() {
        return gateway.getIfAvailable() != null;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        String mobile = directory.mobile(message.recipientId())
                .orElseThrow(() -> new IllegalStateException("No mobile for " + message.recipientId()));
        gateway.getObject().send(mobile, "【" + signature + "】" + message.title() + "：" + message.body(), message.deliveryId());
    }
}
