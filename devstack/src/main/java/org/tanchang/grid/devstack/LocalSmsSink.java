package org.tanchang.grid.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's SMS provider, as GreenMail is its mail server: accepts what the suite's HTTP SMS adapters send
 * ({@code POST /messages} with {@code {"to","text","reference","sender"}}, any bearer key) and lets people and tests
 * read them back ({@code GET /messages?to=<11 digits>}, newest last; {@code DELETE /messages} empties it). In memory,
 * the last {@value #KEEP} messages. The JDK's HTTP server and nothing else, so a test can start one in its own JVM
 * without the broker's jars. Env: {@code SMS_SINK_PORT} (8026), {@code SMS_SINK_BIND} (127.0.0.1).
 */
public final class LocalSmsSink implements AutoCloseable {

    static final int KEEP = 1000;
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final Deque<String> messages = new ArrayDeque<>();

    public LocalSmsSink(String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/messages", this::handle);
        server.start();
    }

    public static void main(String[] args) throws IOException {
        String host = Env.get("SMS_SINK_BIND", "127.0.0.1");
        int port = Env.port("SMS_SINK_PORT", 8026);
        LocalSmsSink sink = new LocalSmsSink(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "sms-sink-shutdown"));
        System.out.println("SMS sink ready on http://" + host + ":" + sink.port() + "/messages");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The JSON bodies received for this number (as sent), oldest first. */
    public synchronized List<String> messagesTo(String to) {
        return messages.stream().filter(m -> to.equals(to(m))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (to(body) == null) {
                        respond(exchange, 400, "{\"error\":\"a JSON body with \\\"to\\\" is required\"}");
                        return;
                    }
                    synchronized (this) {
                        messages.addLast(body);
                        while (messages.size() > KEEP) {
                            messages.removeFirst();
                        }
                    }
                    respond(exchange, 202, "{\"accepted\":true}");
                }
                case "GET" -> {
                    String to = parameter(exchange.getRequestURI().getRawQuery(), "to");
                    List<String> found;
                    synchronized (this) {
                        found = to == null ? List.copyOf(messages) : messagesTo(to);
                    }
                    respond(exchange, 200, "[" + String.join(",", found) + "]");
                }
                case "DELETE" -> {
                    synchronized (this) {
                        messages.clear();
                    }
                    respond(exchange, 204, null);
                }
                default -> respond(exchange, 405, null);
            }
        }
    }

    private static String to(String body) {
        Matcher m = TO.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String parameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
