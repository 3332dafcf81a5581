package org.tanchang.grid.devstack;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server that accepts every message: the e-mail channel's far end in the local stack ({@link LocalSmtp})
 * and in tests ({@code SmtpSink.start(SmtpSink.Settings.forTests())}, then {@link #received()}).
 * Plain sockets, one thread per conversation; no TLS, no AUTH. Each message can be stored as an {@code .eml} file
 * and/or kept in memory.
 */
public final class SmtpSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpSink.class);

    /**
     * @param directory where each message is stored as an {@code .eml} file; null for none
     * @param keepInMemory whether {@link #received()} lists the messages (tests); a long-running sink keeps files only
     * @param maxMessageBytes larger messages are refused with 552 (advertised as SIZE)
     */
    public record Settings(String bind, int port, Path directory, boolean keepInMemory, int maxMessageBytes) {

        /** Loopback, a free port, memory only. */
        public static Settings forTests() {
            return new Settings("127.0.0.1", 0, null, true, 32 * 1024 * 1024);
        }

        public Settings withDirectory(Path directory) {
            return new Settings(bind, port, directory, keepInMemory, maxMessageBytes);
        }
    }

    private final Settings settings;
    private final ServerSocket server;
    private final MailDrop drop;
    private final List<ReceivedMail> received = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService conversations = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-sink-session");
        thread.setDaemon(true); // a client that never says QUIT must not keep the JVM up
        return thread;
    });

    private SmtpSink(Settings settings, ServerSocket server) {
        this.settings = settings;
        this.server = server;
        this.drop = new MailDrop(settings.directory());
    }

    /** Binds and starts accepting; throws when the port is taken. */
    public static SmtpSink start(Settings settings) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getByName(settings.bind()), settings.port()));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        SmtpSink sink = new SmtpSink(settings, server);
        Thread acceptor = new Thread(sink::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return sink;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Messages received so far, oldest first (empty unless {@link Settings#keepInMemory()}). */
    public synchronized List<ReceivedMail> received() {
        return List.copyOf(received);
    }

    /** Messages received so far for one envelope recipient, oldest first. */
    public List<ReceivedMail> receivedBy(String recipient) {
        return received().stream().filter(mail -> mail.recipients().contains(recipient)).toList();
    }

    public synchronized void clear() {
        received.clear();
    }

    /** Called by a session once the final dot has arrived; the reply waits until the file is written. */
    ReceivedMail deliver(String sender, List<String> recipients, byte[] raw) throws IOException {
        ReceivedMail mail = drop.store(sender, recipients, raw);
        if (settings.keepInMemory()) {
            synchronized (this) {
                received.add(mail);
            }
        }
        log.info("Mail {} to {}: {}", mail.id(), String.join(", ", recipients), mail.subject());
        return mail;
    }

    Settings settings() {
        return settings;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                conversations.execute(() -> {
                    try (socket) {
                        new SmtpSession(this, socket).run();
                    } catch (IOException | RuntimeException e) {
                        log.debug("SMTP conversation ended: {}", e.toString()); // that client's message only
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("SMTP accept failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket); // a blocked read does not notice an interrupt, only a closed socket
        }
        conversations.shutdownNow();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("closing {} failed: {}", closeable, e.toString()); // it is going away either way
        }
    }
}
