package org.tanchang.grid.devstack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough header reading to log a readable subject line: Jakarta Mail sends Chinese subjects as encoded words. */
final class MailHeaders {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    // whitespace between two adjacent encoded words is not part of the text (RFC 2047, 6.2)
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private MailHeaders() {
    }

    static String subject(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = (end < 0 ? text : text.substring(0, end)).replaceAll("\r\n([ \t])", "$1"); // unfold
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                return decode(line.substring(8).trim());
            }
        }
        return "";
    }

    static String decode(String value) {
        Matcher word = ENCODED_WORD.matcher(BETWEEN_WORDS.matcher(value).replaceAll("$1$2"));
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(out, Matcher.quoteReplacement(decodeWord(word)));
        }
        return word.appendTail(out).toString();
    }

    private static String decodeWord(Matcher word) {
        try {
            Charset charset = Charset.forName(word.group(1).split("\\*")[0]); // RFC 2231 language suffix
            byte[] bytes = word.group(2).toUpperCase(Locale.ROOT).equals("B")
                    ? Base64.getMimeDecoder().decode(word.group(3))
                    : quotedPrintable(word.group(3));
            return new String(bytes, charset);
        } catch (RuntimeException e) {
            return word.group(); // unknown charset or broken encoding: show it as sent
        }
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
