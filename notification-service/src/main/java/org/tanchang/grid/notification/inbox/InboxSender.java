package org.tanchang.grid.notification.inbox;

import org.springframework.stereotype.Component;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.notification.delivery.ChannelSender;
import org.tanchang.grid.notification.delivery.Outgoing;

/** The in-app channel: the message goes into the recipient's inbox and out on their open streams. */
@Component
class InboxSender implements ChannelSender {

    private final Inbox inbox;

    InboxSender(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public void send(Outgoing message) {
        inbox.record(message);
    }
}
