package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB wire-protocol server for running the services without Docker.
 * Env: {@code MONGO_PORT} (27017), {@code MONGO_BIND} (127.0.0.1), {@code DATA_DIR} (.data).
 */
public final class LocalMongo {

    private static final Logger log = LoggerFactory.getLogger(LocalMongo.class);

    private LocalMongo() {
    }

    public static void main(String[] args) throws IOException {
        String host = Env.get("MONGO_BIND", "127.0.0.1");
        int port = Env.port("MONGO_PORT", 27017);
        Path file = Env.dataDir().resolve("mongo").resolve("tanchang.mv");
        Files.createDirectories(file.getParent());

        MongoServer server = new MongoServer(DurableH2Backend.open(file));
        try {
            server.bind(host, port);
        } catch (Exception e) { // also the undeclared, sneakily thrown java.net.BindException
            // Netty's event loops are non-daemon threads: without this a failed bind leaves a JVM that never exits.
            log.error("Cannot start the Mongo wire server on {}:{}", host, port, e);
            server.shutdownNow();
            System.exit(1);
        }
        // shutdownNow also closes the backend, which closes the MVStore cleanly (and releases its file lock).
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));
        log.info("Mongo wire server ready on {}:{}, data in {}", host, port, file);
    }
}
