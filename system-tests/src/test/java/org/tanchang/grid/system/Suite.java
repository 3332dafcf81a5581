package org.tanchang.grid.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Drives {@code run.sh}, exactly as a person would, with its own run and data folders under target/. */
final class Suite {

    static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    static final Path WORK = ROOT.resolve("system-tests/target/suite");

    /** More settings for every run.sh call (a scale, one instance's own addresses), set by a test before start. */
    static final Map<String, String> ENV = new java.util.concurrent.ConcurrentHashMap<>();

    private Suite() {
    }

    static void start() throws IOException, InterruptedException {
        deleteRecursively(WORK.resolve("data"));
        run(List.of("start"), 420);
    }

    /** run.sh start again on the same data: starts whatever is not running and waits until the suite is healthy. */
    static void startMissing() throws IOException, InterruptedException {
        run(List.of("start"), 420);
    }

    /** The pid run.sh recorded for a process (an instance such as {@code mediation-service-2}, or kafka, mongo). */
    static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(WORK.resolve("run/pids/" + name + ".pid")).trim());
    }

    /** kill -9: no shutdown hook, no graceful drain, no outbox flush. */
    static void kill(String name) throws IOException, InterruptedException {
        long pid = pid(name);
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).redirectErrorStream(true).start();
        kill.waitFor(10, TimeUnit.SECONDS);
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    static void stop(String... names) throws IOException, InterruptedException {
        run(java.util.stream.Stream.concat(java.util.stream.Stream.of("stop"), java.util.Arrays.stream(names)).toList(), 120);
    }

    static String log(String name) throws IOException {
        Path log = WORK.resolve("run/logs/" + name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void run(List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(ROOT.resolve("run.sh").toString());
        command.addAll(args);
        Files.createDirectories(WORK);
        File output = WORK.resolve("run-sh-" + args.get(0) + ".out").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output));
        Map<String, String> env = builder.environment();
        env.put("RUN_DIR", WORK.resolve("run").toString());
        env.put("DATA_DIR", WORK.resolve("data").toString());
        env.put("SKIP_BUILD", "1");    // the reactor has just built every jar
        env.putAll(ENV);
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
