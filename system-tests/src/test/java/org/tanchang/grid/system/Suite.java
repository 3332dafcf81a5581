package org.tanchang.grid.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Drives {@code run.sh}, exactly as a person would, with its own run and data folders under target/. The default
 * suite is the one-instance shape; {@link #of} gives another shape (a scale, other variables) in folders of its own,
 * so two system tests never share a data directory.
 */
final class Suite {

    static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    static final String ZIPKIN = "http://localhost:" + System.getenv().getOrDefault("ZIPKIN_PORT", "9411");
    /**
     * The default suite as run.sh starts it, except that a hazard nobody orders goes overdue in 20 s instead of a
     * working day, and the deadline sweeps look every 5 s, so a system test can watch one rise to the county.
     */
    private static final Suite DEFAULT = new Suite("suite", Map.of("TANCHANG_HAZARDS_ORDERINGLIMIT", "PT20S",
            "TANCHANG_DEADLINES_SWEEPINTERVAL", "PT5S"));
    static final Path WORK = DEFAULT.work;

    private final Path work;
    private final Map<String, String> variables;

    private Suite(String folder, Map<String, String> variables) {
        this.work = ROOT.resolve("system-tests/target/" + folder);
        this.variables = Map.copyOf(variables);
    }

    /** A suite started with these variables (SCALE=2 ...) in {@code system-tests/target/<folder>}. */
    static Suite of(String folder, Map<String, String> variables) {
        return new Suite(folder, variables);
    }

    static void start() throws IOException, InterruptedException {
        DEFAULT.up();
    }

    static void stop(String... names) throws IOException, InterruptedException {
        DEFAULT.down(names);
    }

    static String log(String name) throws IOException {
        return DEFAULT.logOf(name);
    }

    void up() throws IOException, InterruptedException {
        deleteRecursively(work.resolve("data"));
        run(List.of("start"), 600);
    }

    /** run.sh start again on the same data: starts whatever is not running and waits until the suite is healthy. */
    void startMissing() throws IOException, InterruptedException {
        run(List.of("start"), 600);
    }

    /** kill -9 of one process (an instance such as {@code mediation-service-2}, or kafka, mongo): no shutdown hook,
     *  no graceful drain, no outbox flush; returns once it is gone. */
    void kill(String name) throws IOException, InterruptedException {
        long pid = pidOf(name);
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    void down(String... names) throws IOException, InterruptedException {
        run(Stream.concat(Stream.of("stop"), java.util.Arrays.stream(names)).toList(), 120);
    }

    String logOf(String name) throws IOException {
        Path log = work.resolve("run/logs/" + name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The process id run.sh recorded for one process (its pid file), for a test that kills it as a crash would. */
    long pidOf(String name) throws IOException {
        return Long.parseLong(Files.readString(work.resolve("run/pids/" + name + ".pid")).trim());
    }

    private void run(List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("run.sh").toString());
        command.addAll(args);
        Files.createDirectories(work);
        File output = work.resolve("run-sh-" + args.get(0) + ".out").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output));
        Map<String, String> env = builder.environment();
        env.put("RUN_DIR", work.resolve("run").toString());
        env.put("DATA_DIR", work.resolve("data").toString());
        env.put("SKIP_BUILD", "1");    // the reactor has just built every jar
        env.put("TRACING", "1");       // the suite's own Zipkin (ZIPKIN_PORT), where the test looks for traces
        env.remove("ZIPKIN_ENDPOINT");
        // every shape shares the unpacked jars and the class-data archives the first start trained: a later suite
        // starts faster and does not train them again at its stop
        env.put("APP_DIR", ROOT.resolve("system-tests/target/suite-app").toString());
        env.putAll(variables);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("run.sh " + args + " did not finish in " + timeoutSeconds + "s; see " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("run.sh " + args + " failed:\n" + Files.readString(output.toPath()));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
