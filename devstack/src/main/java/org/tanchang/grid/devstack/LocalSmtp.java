package org.tanchang.grid.devstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP sink for the local stack: accepts every message and stores it as an {@code .eml} file.
 * Env: {@code SMTP_SINK_PORT} (2525), {@code SMTP_SINK_BIND} (127.0.0.1), {@code SMTP_SINK_DIR}
 * ({@code DATA_DIR/mail}), {@code DATA_DIR} (.data).
 */
public final class LocalSmtp {

    private static final Logger log = LoggerFactory.getLogger(LocalSmtp.class);
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024; // notifications are text; fits the 48 MiB heap run.sh gives it

    private LocalSmtp() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = Env.get("SMTP_SINK_BIND", "127.0.0.1");
        int port = Env.port("SMTP_SINK_PORT", 2525);
        Path directory = Path.of(Env.get("SMTP_SINK_DIR", Env.dataDir().resolve("mail").toString()))
                .toAbsolutePath().normalize();
        // files only: a sink that runs for days must not hold every message in its small heap
        SmtpSink sink;
        try {
            sink = SmtpSink.start(new SmtpSink.Settings(host, port, directory, false, MAX_MESSAGE_BYTES));
        } catch (IOException e) {
            log.error("Cannot start the SMTP sink on {}:{}", host, port, e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "smtp-shutdown"));
        log.info("SMTP sink ready on {}:{}, mail in {}", host, port, directory);
        new CountDownLatch(1).await(); // every other thread is a daemon; SIGTERM ends the JVM through the hook
    }
}
