package org.tanchang.grid.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The main as run.sh starts it: its ready line, a message into DATA_DIR/mail with one log line, SIGTERM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalSmtpTest {

    @TempDir
    Path dataDir;

    @Test
    void storesEachMessageUnderDataDirMailAndLogsItsRecipientsAndSubject() throws Exception {
        int port = ChildJvm.freePort();
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "SMTP_SINK_PORT", String.valueOf(port));
        try (ChildJvm smtp = ChildJvm.start(LocalSmtp.class, env, "-Xmx32m", "-Dfile.encoding=UTF-8")) {
            smtp.awaitLine("SMTP sink ready on 127.0.0.1:" + port, Duration.ofSeconds(30));
            try (SmtpClient client = new SmtpClient(port)) {
                client.read();
                client.send("HELO test.local");
                client.send("MAIL FROM:<notify@tanchang.example>");
                client.send("RCPT TO:<li.wei@example.cn>");
                client.send("DATA");
                assertThat(client.sendData("Subject: =?UTF-8?Q?=E5=B7=A1=E9=80=BB?= report\r\n\r\nok")).startsWith("250 ");
                client.send("QUIT");
            }
            smtp.awaitLine("to li.wei@example.cn: 巡逻 report", Duration.ofSeconds(10));
            List<Path> files;
            try (var list = Files.list(dataDir.resolve("mail"))) {
                files = list.toList();
            }
            assertThat(files).singleElement().satisfies(file -> assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .startsWith("X-Sink-Recipients: li.wei@example.cn\r\nSubject:"));
            assertThat(smtp.stop(Duration.ofSeconds(10))).isEqualTo(143); // SIGTERM, ended by the JVM's hooks
        }
    }
}
