package org.tanchang.grid.notification.email;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.notification.delivery.ChannelSender;
import org.tanchang.grid.notification.delivery.Outgoing;
import org.tanchang.grid.notification.recipient.RecipientDirectory;

/**
 * E-mail through SMTP (Jakarta Mail behind Boot's {@link JavaMailSender}, configured by {@code spring.mail.*}).
 * Without {@code spring.mail.host} there is no sender and no e-mail is planned. The address is read when sending,
 * so a changed address is used and no copy of it sits in the delivery.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final RecipientDirectory directory;
    private final String from;

    EmailSender(ObjectProvider<JavaMailSender> mail, RecipientDirectory directory,
            @Value("${tanchang.notification.email.from}") String from) {
        this.mail = mail;
        this.directory = directory;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean available() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public void send(Outgoing message) throws Exception {
        String to = directory.email(message.recipientId())
                .orElseThrow(() -> new IllegalStateException("No e-mail address for " + message.recipientId()));
        JavaMailSender sender = mail.getObject();
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(message.title());
        helper.setText(message.body(), false);
        mime.setHeader("X-Tanchang-Delivery", message.deliveryId());
        sender.send(mime);
    }
}
