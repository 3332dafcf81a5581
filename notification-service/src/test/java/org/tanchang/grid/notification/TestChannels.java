package org.tanchang.grid.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.tanchang.grid.devstack.SmtpSink;

/**
 * Found by the application's component scan in every test context of this module (one shared context): the
 * controllable clock and an e-mail sender pointed at the JVM's local SMTP sink.
 */
@Configuration
public class TestChannels {

    /** The local stack's sink, started once per JVM on a free port; the context's mail sender talks to it. */
    public static final SmtpSink SMTP = startSink();

    private static SmtpSink startSink() {
        try {
            return SmtpSink.start(SmtpSink.Settings.forTests());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    @Primary
    MutableClock clock(@Value("${tanchang.zone:Asia/Shanghai}") String zone) {
        return new MutableClock(ZoneId.of(zone));
    }

    @Bean
    JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(SMTP.port());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
