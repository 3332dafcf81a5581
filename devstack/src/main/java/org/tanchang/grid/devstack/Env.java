package org.tanchang.grid.devstack;

import java.nio.file.Path;

/** Settings come from environment variables so that run.sh, CI and tests configure both mains the same way. */
final class Env {

    private Env() {
    }

    static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static int port(String name, int fallback) {
        String value = get(name, String.valueOf(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
        }
    }

    /** Absolute, so that log lines and Kafka's meta.properties name the same place whatever the working dir. */
    static Path dataDir() {
        return Path.of(get("DATA_DIR", ".data")).toAbsolutePath().normalize();
    }
}
