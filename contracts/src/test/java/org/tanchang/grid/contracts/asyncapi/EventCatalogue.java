package org.tanchang.grid.contracts.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tanchang.grid.contracts.EventType;

/**
 * Every event type the contracts declare, found by looking at the compiled classes rather than from a list: a record
 * added with its {@code TYPE} constant is documented the next time the document is generated, with nothing else to
 * edit.
 */
final class EventCatalogue {

    private EventCatalogue() {
    }

    static List<EventType<?>> all() {
        Path classes = classesDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(f -> className(classes, f))
                    .flatMap(EventCatalogue::eventTypesOf)
                    .sorted(Comparator.<EventType<?>, String>comparing(EventType::topic).thenComparing(EventType::type))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classesDirectory() {
        try {
            Path location = Path.of(EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(location)) {
                throw new IllegalStateException("contracts' classes are not a directory: " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String className(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
    }

    private static Stream<EventType<?>> eventTypesOf(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return Stream.of(type.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
                        && f.getType() == EventType.class)
                .map(EventCatalogue::value);
    }

    private static EventType<?> value(Field field) {
        try {
            return (EventType<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
