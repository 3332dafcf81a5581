package org.tanchang.grid.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A devstack main or a server jar in its own JVM, as run.sh starts it, so that a test can SIGKILL it. */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final long startedAt = System.nanoTime();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread pump = new Thread(this::pumpOutput, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildJvm start(Class<?> main, Map<String, String> env, String... jvmArgs) throws IOException {
        return launch(main.getSimpleName(), env, List.of(jvmArgs),
                List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    }

    /** An executable jar that run.sh starts with {@code java -jar} (GreenMail's standalone server). */
    static ChildJvm startJar(Path jar, String... jvmArgs) throws IOException {
        return launch(jar.getFileName().toString(), Map.of(), List.of(jvmArgs), List.of("-jar", jar.toString()));
    }

    private static ChildJvm launch(String name, Map<String, String> env, List<String> jvmArgs, List<String> what)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmArgs);
        command.addAll(what);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        return new ChildJvm(name, builder.start());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a line containing {@code fragment}; returns the time since the process was started. */
    Duration awaitLine(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (output.stream().noneMatch(line -> line.contains(fragment))) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before '" + fragment + "':\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not log '" + fragment + "' within " + timeout + ":\n" + output());
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** SIGKILL on Linux (JDK: kill(pid, SIGKILL)); the exit value is then 128 + 9. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM, as a user's Ctrl-C or run.sh would; returns the exit value, or -1 if it had to be killed. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                output.add(line);
                System.out.println("[" + name + "] " + line); // kept in surefire's report output
            }
        } catch (IOException e) {
            // the process is gone; whatever it printed is in output
        }
    }
}
