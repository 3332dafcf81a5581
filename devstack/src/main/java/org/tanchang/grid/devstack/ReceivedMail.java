package org.tanchang.grid.devstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One message as the sink received it: the envelope (MAIL FROM, RCPT TO) and the raw RFC 5322 bytes after
 * dot-unstuffing, with CRLF line ends. Callers parse the bytes themselves (e.g. {@code new MimeMessage(session,
 * new ByteArrayInputStream(raw()))}), so the sink needs no mail library.
 *
 * @param id     the queue id given to the client, also the file name without {@code .eml}
 * @param sender the envelope sender, empty for the null sender {@code <>}
 * @param file   where it was stored, or null when the sink keeps no files
 */
public record ReceivedMail(String id, String sender, List<String> recipients, byte[] raw, Path file) {

    public ReceivedMail {
        recipients = List.copyOf(recipients);
    }

    /** The raw message as UTF-8 text (8BITMIME/SMTPUTF8 mail is UTF-8; 7-bit mail is ASCII either way). */
    public String text() {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The Subject header, unfolded and with RFC 2047 encoded words decoded; empty when there is none. */
    public String subject() {
        return MailHeaders.subject(raw);
    }
}
