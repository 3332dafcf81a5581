package org.tanchang.grid.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SmtpSinkTest {

    @TempDir
    Path mailDir;

    private SmtpSink sink;

    @AfterEach
    void stop() {
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aRawConversationIsAnsweredLikeAnEsmtpServerThatAdvertisesUtf8() throws IOException {
        sink = SmtpSink.start(SmtpSink.Settings.forTests());
        try (SmtpClient client = new SmtpClient(sink.port())) {
            assertThat(client.read()).startsWith("220 ");
            String ehlo = client.send("EHLO test.local");
            assertThat(ehlo).startsWith("250-").contains("250-8BITMIME", "250-SMTPUTF8", "SIZE 33554432");
            assertThat(client.send("NOOP")).startsWith("250 ");
            assertThat(client.send("RCPT TO:<a@example.cn>")).startsWith("503 ");
            assertThat(client.send("DATA")).startsWith("503 ");
            assertThat(client.send("MAIL FROM:<notify@tanchang.example> BODY=8BITMIME SMTPUTF8")).startsWith("250 ");
            assertThat(client.send("MAIL FROM:<other@tanchang.example>")).startsWith("503 ");
            assertThat(client.send("DATA")).startsWith("503 ");
            assertThat(client.send("TURN")).startsWith("502 ");
            assertThat(client.send("QUIT")).startsWith("221 ");
            assertThatThrownBy(client::read).isInstanceOf(IOException.class); // the server closed the connection
        }
        assertThat(sink.received()).isEmpty();
    }

    @Test
    void aMessageForSeveralRecipientsIsReceivedOnceWithTheWholeEnvelope() throws IOException {
        sink = SmtpSink.start(SmtpSink.Settings.forTests());
        try (SmtpClient client = greeted()) {
            client.send("MAIL FROM:<notify@tanchang.example>");
            assertThat(client.send("RCPT TO:<yang.laohan@example.cn>")).startsWith("250 ");
            assertThat(client.send("RCPT TO: <li.wei@example.cn>")).startsWith("250 ");
            assertThat(client.send("RCPT TO:<zhao@example.cn> NOTIFY=NEVER")).startsWith("250 ");
            assertThat(client.send("DATA")).startsWith("354 ");
            assertThat(client.sendData("Subject: roster\r\n\r\nhello")).startsWith("250 2.0.0 OK queued as ");
        }
        assertThat(sink.received()).singleElement().satisfies(mail -> {
            assertThat(mail.sender()).isEqualTo("notify@tanchang.example");
            assertThat(mail.recipients()).containsExactly("yang.laohan@example.cn", "li.wei@example.cn", "zhao@example.cn");
            assertThat(mail.subject()).isEqualTo("roster");
            assertThat(mail.text()).isEqualTo("Subject: roster\r\n\r\nhello\r\n");
            assertThat(mail.file()).isNull();
        });
        assertThat(sink.receivedBy("li.wei@example.cn")).hasSize(1);
        assertThat(sink.receivedBy("nobody@example.cn")).isEmpty();
    }

    @Test
    void rsetForgetsTheEnvelopeAndOneConnectionCarriesSeveralMessages() throws IOException {
        sink = SmtpSink.start(SmtpSink.Settings.forTests());
        try (SmtpClient client = greeted()) {
            client.send("MAIL FROM:<a@tanchang.example>");
            client.send("RCPT TO:<dropped@example.cn>");
            assertThat(client.send("RSET")).startsWith("250 ");
            for (String to : new String[] {"first@example.cn", "second@example.cn"}) {
                client.send("MAIL FROM:<a@tanchang.example>");
                client.send("RCPT TO:<" + to + ">");
                client.send("DATA");
                assertThat(client.sendData("Subject: for " + to + "\r\n\r\nbody")).startsWith("250 ");
            }
        }
        assertThat(sink.received()).extracting(ReceivedMail::recipients)
                .containsExactly(java.util.List.of("first@example.cn"), java.util.List.of("second@example.cn"));
    }

    @Test
    void aUtf8MessageArrivesByteForByteAndItsEncodedSubjectIsReadable() throws IOException {
        sink = SmtpSink.start(SmtpSink.Settings.forTests());
        String message = "From: 宕昌网格通知 <notify@tanchang.example>\r\n"
                + "To: 杨老汉@example.cn\r\n"
                + "Subject: =?UTF-8?B?5paw55qE6LCD6Kej55Sz6K+3?=\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "哈达铺镇 的调解申请已受理。\r\n";
        try (SmtpClient client = greeted()) {
            client.send("MAIL FROM:<notify@tanchang.example> BODY=8BITMIME SMTPUTF8");
            client.send("RCPT TO:<杨老汉@example.cn>");
            client.send("DATA");
            client.write(message + ".\r\n");
            assertThat(client.read()).startsWith("250 ");
        }
        ReceivedMail mail = sink.received().get(0);
        assertThat(mail.raw()).isEqualTo(message.getBytes(StandardCharsets.UTF_8));
        assertThat(mail.recipients()).containsExactly("杨老汉@example.cn");
        assertThat(mail.subject()).isEqualTo("新的调解申请");
    }

    @Test
    void dotStuffedLinesAreUnstuffedAndOnlyALoneDotEndsTheMessage() throws IOException {
        sink = SmtpSink.start(SmtpSink.Settings.forTests());
        try (SmtpClient client = greeted()) {
            client.send("MAIL FROM:<a@tanchang.example>");
            client.send("RCPT TO:<b@example.cn>");
            client.send("DATA");
            // a client stuffs every line that starts with a dot: ".", "..x" and ". " were sent as below
            assertThat(client.sendData("Subject: dots\r\n\r\n..\r\n...x\r\n.. trailing\r\nlast")).startsWith("250 ");
        }
        assertThat(sink.received().get(0).text()).isEqualTo("Subject: dots\r\n\r\n.\r\n..x\r\n. trailing\r\nlast\r\n");
    }

    @Test
    void eachMessageIsStoredAsAnEmlFileWithItsEnvelopeRecipients() throws IOException {
        sink = SmtpSink.start(SmtpSink.Settings.forTests().withDirectory(mailDir.resolve("mail")));
        try (SmtpClient client = greeted()) {
            client.send("MAIL FROM:<a@tanchang.example>");
            client.send("RCPT TO:<to@example.cn>");
            client.send("RCPT TO:<bcc@example.cn>");
            client.send("DATA");
            client.sendData("To: to@example.cn\r\nSubject: 值班\r\n\r\n今晚值班");
        }
        ReceivedMail mail = sink.received().get(0);
        assertThat(mail.file()).isEqualTo(mailDir.resolve("mail").resolve(mail.id() + ".eml"));
        try (var files = Files.list(mailDir.resolve("mail"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(mail.id() + ".eml");
        }
        assertThat(Files.readString(mail.file(), StandardCharsets.UTF_8)).isEqualTo(
                "X-Sink-Recipients: to@example.cn, bcc@example.cn\r\nTo: to@example.cn\r\nSubject: 值班\r\n\r\n今晚值班\r\n");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndNotKept() throws IOException {
        sink = SmtpSink.start(new SmtpSink.Settings("127.0.0.1", 0, null, true, 100));
        try (SmtpClient client = greeted()) {
            client.send("MAIL FROM:<a@tanchang.example>");
            client.send("RCPT TO:<b@example.cn>");
            client.send("DATA");
            assertThat(client.sendData("Subject: big\r\n\r\n" + "x".repeat(200))).startsWith("552 ");
            assertThat(client.send("NOOP")).startsWith("250 "); // the conversation goes on
        }
        assertThat(sink.received()).isEmpty();
    }

    private SmtpClient greeted() throws IOException {
        SmtpClient client = new SmtpClient(sink.port());
        client.read();
        client.send("EHLO test.local");
        return client;
    }
}
