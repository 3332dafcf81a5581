package org.tanchang.grid.devstack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One SMTP conversation (RFC 5321): EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. Lines are read as bytes so that
 * an 8-bit (UTF-8) body arrives exactly as sent; a bare LF is taken as a line end too, stored as CRLF.
 */
final class SmtpSession {

    private static final int MAX_LINE = 64 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 5 * 60 * 1000; // RFC 5321 4.5.3.2.7

    private final SmtpSink sink;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String sender; // null: no transaction
    private final List<String> recipients = new ArrayList<>();

    SmtpSession(SmtpSink sink, Socket socket) throws IOException {
        this.sink = sink;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    void run() throws IOException {
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        reply("220 tanchang-smtp-sink ESMTP ready");
        byte[] line;
        while ((line = readLine()) != null) {
            String command = new String(line, StandardCharsets.UTF_8);
            String verb = (command.length() < 4 ? command : command.substring(0, 4)).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> ehlo();
                case "HELO" -> reply("250 tanchang-smtp-sink");
                case "MAIL" -> mail(command);
                case "RCPT" -> rcpt(command);
                case "DATA" -> data();
                case "RSET" -> {
                    reset();
                    reply("250 2.0.0 OK");
                }
                case "NOOP" -> reply("250 2.0.0 OK");
                case "VRFY" -> reply("252 2.1.5 Cannot verify, but will accept");
                case "QUIT" -> {
                    reply("221 2.0.0 Bye");
                    return;
                }
                default -> reply("502 5.5.2 Command not implemented");
            }
        }
    }

    private void ehlo() throws IOException {
        reset();
        reply("250-tanchang-smtp-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-SIZE "
                + sink.settings().maxMessageBytes() + "\r\n250 ENHANCEDSTATUSCODES");
    }

    private void mail(String command) throws IOException {
        if (!command.toUpperCase(Locale.ROOT).startsWith("MAIL FROM:")) {
            reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        } else if (sender != null) {
            reply("503 5.5.1 Sender already given");
        } else {
            sender = address(command.substring(10));
            reply("250 2.1.0 OK");
        }
    }

    private void rcpt(String command) throws IOException {
        if (!command.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")) {
            reply("501 5.5.4 Syntax: RCPT TO:<address>");
        } else if (sender == null) {
            reply("503 5.5.1 MAIL first");
        } else {
            recipients.add(address(command.substring(8)));
            reply("250 2.1.5 OK");
        }
    }

    private void data() throws IOException {
        if (recipients.isEmpty()) {
            reply("503 5.5.1 RCPT first");
            return;
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean tooLarge = false;
        byte[] line;
        while ((line = readLine()) != null && !(line.length == 1 && line[0] == '.')) {
            int skip = line.length > 0 && line[0] == '.' ? 1 : 0; // dot-unstuffing (RFC 5321 4.5.2)
            tooLarge |= message.size() + line.length + 2 > sink.settings().maxMessageBytes();
            if (!tooLarge) {
                message.write(line, skip, line.length - skip);
                message.write('\r');
                message.write('\n');
            }
        }
        if (line == null) {
            throw new IOException("connection closed inside DATA");
        }
        if (tooLarge) {
            reply("552 5.3.4 Message too big");
        } else {
            ReceivedMail mail = sink.deliver(sender == null ? "" : sender, recipients, message.toByteArray());
            reply("250 2.0.0 OK queued as " + mail.id());
        }
        reset();
    }

    private void reset() {
        sender = null;
        recipients.clear();
    }

    /** The path inside the angle brackets; ESMTP parameters after it (BODY=8BITMIME, SMTPUTF8, SIZE=) are ignored. */
    private static String address(String argument) {
        String text = argument.trim();
        int open = text.indexOf('<');
        int close = text.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return text.substring(open + 1, close);
        }
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    /** A line without its line end, or null at end of stream. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return Arrays.copyOf(bytes, length);
            }
            if (line.size() >= MAX_LINE) {
                reply("500 5.5.6 Line too long");
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return null;
    }

    private void reply(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
