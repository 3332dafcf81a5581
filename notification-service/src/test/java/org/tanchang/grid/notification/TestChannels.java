package org.tanchang.grid.notification;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Found by the application's component scan in every test context of this module (one shared context): the
 * controllable clock and an e-mail sender pointed at the JVM's local SMTP sink.
 */
@Configuration
public class TestChannels {

    /** Started once per JVM; the context's mail sender talks to it. */
    public static final SmtpSink SMTP = new SmtpSink();

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
