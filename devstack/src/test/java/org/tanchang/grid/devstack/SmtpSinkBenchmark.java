package org.tanchang.grid.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Messages per second through the sink, raw SMTP over loopback: one connection, then several at once, each with and
 * without .eml files. Not a test; run as the README of this module says (the report names the command).
 */
public final class SmtpSinkBenchmark {

    private static final int MESSAGES = 2_000;
    private static final String BODY = "Subject: =?UTF-8?B?572R5qC85beh5p+l5oql5ZGK?=\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + "网格员提交了杨家村第一网格的巡查报告。\r\n".repeat(10);

    private SmtpSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("smtp-bench");
        run("warm-up", 1, null);
        for (int connections : new int[] {1, 4}) {
            run(connections + " connection(s), memory only", connections, null);
            run(connections + " connection(s), .eml files", connections, dir.resolve("c" + connections));
        }
    }

    private static void run(String label, int connections, Path dir) throws Exception {
        SmtpSink.Settings settings = new SmtpSink.Settings("127.0.0.1", 0, dir, dir == null, 1 << 20);
        try (SmtpSink sink = SmtpSink.start(settings)) {
            ExecutorService clients = Executors.newFixedThreadPool(connections);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(clients.submit(() -> send(sink.port(), MESSAGES / connections)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            clients.shutdown();
            System.out.printf("%-40s %5d messages in %6.3f s = %7.0f messages/s, %6.3f ms each%n",
                    label, MESSAGES, seconds, MESSAGES / seconds, seconds * 1000 / MESSAGES * connections);
        }
    }

    private static Void send(int port, int count) throws Exception {
        try (SmtpClient client = new SmtpClient(port)) {
            client.read();
            client.send("EHLO bench");
            for (int i = 0; i < count; i++) {
                client.send("MAIL FROM:<notify@tanchang.example>");
                client.send("RCPT TO:<officer" + i + "@example.cn>");
                client.send("DATA");
                client.sendData(BODY);
            }
            client.send("QUIT");
        }
        return null;
    }
}
