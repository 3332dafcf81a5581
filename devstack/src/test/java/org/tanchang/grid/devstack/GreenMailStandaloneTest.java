package org.tanchang.grid.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local mail server as run.sh starts it (GreenMail's standalone jar, copied by this module's build, with run.sh's
 * flags): ready by its REST API, a Chinese UTF-8 message reaches every envelope recipient's mailbox, and a developer
 * reads it over the REST API or IMAP with any password.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GreenMailStandaloneTest {

    static final Path JAR = Path.of("target/greenmail/greenmail-standalone.jar");
    static final String SUBJECT = "您的办件已办结";
    static final String TEXT = "办件621223-QZ-20260512-0009已于2026-05-12 10:15办结（咨询 138****2345）";

    static final int SMTP = ChildJvm.freePort();
    static final int IMAP = ChildJvm.freePort();
    static final int API = ChildJvm.freePort();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static ChildJvm greenMail;

    @BeforeAll
    static void start() throws Exception {
        greenMail = ChildJvm.startJar(JAR, "-Xmx64m", "-Dfile.encoding=UTF-8", "-Dgreenmail.auth.disabled",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + SMTP,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + IMAP,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + API);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ready()) { // what run.sh's health check asks
            assertThat(System.nanoTime()).as("GreenMail ready within 30 s:\n%s", greenMail.output())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
        send();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        greenMail.close();
    }

    private static boolean ready() throws InterruptedException {
        try {
            return get("/api/service/readiness").statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + API + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** As notification-service's mail sender does: UTF-8 subject and text, one visible and one Bcc recipient. */
    private static void send() throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(SMTP));
        MimeMessage mail = new MimeMessage(Session.getInstance(settings));
        mail.setFrom(new InternetAddress("notify@tanchang.example", "宕昌网格通知", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("li.wei@example.cn"));
        mail.setRecipient(Message.RecipientType.BCC, new InternetAddress("chief@example.cn"));
        mail.setSubject(SUBJECT, "UTF-8");
        mail.setText(TEXT, "UTF-8");
        Transport.send(mail);
    }

    @Test
    void theRestApiListsEachEnvelopeRecipientsMessagesWithTheSubjectDecoded() throws Exception {
        HttpResponse<String> inbox = get("/api/user/li.wei@example.cn/messages/INBOX");
        HttpResponse<String> bcc = get("/api/user/chief@example.cn/messages/INBOX");

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"subject\":\"" + SUBJECT + "\"", "To: li.wei@example.cn")
                .doesNotContain("chief@example.cn");
        assertThat(bcc.body()).as("a Bcc recipient has the message too").contains("\"subject\":\"" + SUBJECT + "\"");
    }

    @Test
    void anyImapClientReadsTheMailboxWithAnyPassword() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP, "li.wei@example.cn", "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).singleElement().satisfies(message -> {
                assertThat(message.getSubject()).isEqualTo(SUBJECT);
                assertThat(message.getContent().toString()).isEqualTo(TEXT);
                assertThat(message.getFrom()[0].toString()).contains("notify@tanchang.example");
            });
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
