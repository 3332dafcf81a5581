package org.tanchang.grid.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.tanchang.grid.platform.test.TestClock;

/**
 * Found by the application's component scan in every test context of this module (one shared context): the
 * controllable clock and an e-mail sender pointed at the port where the e-mail tests run GreenMail.
 */
@Configuration
public class TestChannels {

    /**
     * Where the tests that read mail start GreenMail (their {@code GreenMailExtension}): chosen once per JVM, because
     * the one shared context's mail sender is made before any of them runs. Mail sent while none runs fails and is
     * retried, as with a real relay that is down.
     */
    public static final int SMTP_PORT = freePort();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    @Primary
    TestClock clock(@Value("${tanchang.zone:Asia/Shanghai}") String zone) {
        // running: the delivery worker must see time pass while a test has jumped to 23:00
        return TestClock.running(ZoneId.of(zone));
    }

    @Bean
    JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP_PORT);
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
