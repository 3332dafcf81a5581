package org.tanchang.grid.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.EventType;

/**
 * A documented event or topic that nothing writes misleads integrators (as notification.notifications.v1 did): every
 * declared event type is put into an outbox ({@code outbox.event(X.TYPE, ...)}) by some service's main code, and
 * every topic carries declared events (AsyncApiDocumentTest).
 */
class EveryEventIsProducedTest {

    @Test
    void everyDeclaredEventIsWrittenBySomeService() throws IOException {
        List<Path> services;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            services = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory)
                    .filter(p -> !p.toAbsolutePath().normalize().toString().contains("contracts")).toList();
        }
        String sources = services.stream().flatMap(EveryEventIsProducedTest::javaFiles)
                .map(EveryEventIsProducedTest::read).reduce("", String::concat);
        assertThat(services).as("service modules beside contracts").hasSizeGreaterThan(3);

        for (EventType<?> event : EventCatalogue.all()) {
            Pattern produced = Pattern.compile("\\.event\\(\\s*" + event.dataClass().getSimpleName() + "\\."
                    + constantOf(event) + "\\b");
            assertThat(produced.matcher(sources).find()).as(event.type() + " is put into an outbox somewhere")
                    .isTrue();
        }
    }

    /** The constant that declares the event: TYPE, or its own name where one record carries several events. */
    private static String constantOf(EventType<?> event) {
        return Stream.of(event.dataClass().getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == EventType.class)
                .filter(f -> {
                    try {
                        return event.equals(f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(Field::getName).findFirst().orElse("TYPE");
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
