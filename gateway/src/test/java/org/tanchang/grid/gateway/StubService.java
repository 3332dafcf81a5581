package org.tanchang.grid.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A downstream service in a few lines: records the headers of the last request per path, answers JSON. */
final class StubService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();

    private StubService(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static StubService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            // a thread per request, daemon: the slow endpoint must not hold up the others, nor the JVM's exit
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "stub-service");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            StubService stub = new StubService(server, executor);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on: a service whose only instance is down. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    Headers lastHeaders(String path) {
        return lastHeaders.get(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        lastHeaders.put(path, exchange.getRequestHeaders());
        exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/slow")) {
            sleep(4_000);
        }
        String body = path.equals("/v3/api-docs")
                ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\",\"version\":\"1\"},\"servers\":[{\"url\":\"/\"}]}"
                : "{\"path\":\"" + path + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
