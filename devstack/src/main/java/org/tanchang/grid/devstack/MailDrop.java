package org.tanchang.grid.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names each message and, with a directory, stores it as {@code <time>-<n>.eml}: an {@code X-Sink-Recipients}
 * header line with the envelope recipients (Bcc ones appear nowhere else), then the raw bytes as received.
 */
final class MailDrop {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path directory;
    private final AtomicLong sequence = new AtomicLong();

    MailDrop(Path directory) {
        this.directory = directory;
    }

    ReceivedMail store(String sender, List<String> recipients, byte[] raw) throws IOException {
        // sortable by arrival; the sequence keeps two messages of one millisecond apart
        String id = NAME_TIME.format(LocalDateTime.now()) + "-" + sequence.incrementAndGet();
        if (directory == null) {
            return new ReceivedMail(id, sender, recipients, raw, null);
        }
        Files.createDirectories(directory);
        byte[] header = ("X-Sink-Recipients: " + String.join(", ", recipients) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[header.length + raw.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(raw, 0, content, header.length, raw.length);
        Path file = directory.resolve(id + ".eml");
        // written aside and renamed, so whoever watches the directory never reads half a message
        Path partial = directory.resolve(id + ".eml.part");
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return new ReceivedMail(id, sender, recipients, raw, file);
    }
}
