package org.tanchang.grid.system.compose;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tanchang.grid.guard.SettingKind;

/**
 * The env file docker-compose.yml reads its secrets from, as the tests make it: {@code deploy/compose.env.example}
 * with a fresh random value for every secret (never the development keys, never anything kept), and docker-compose
 * run on it with none of those variables inherited from the shell that runs the tests.
 */
final class ComposeEnv {

    static final Path EXAMPLE = ComposeFileTest.ROOT.resolve("deploy/compose.env.example");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ComposeEnv() {
    }

    /** The example's variables (uncommented lines) with their values as written. */
    static Map<String, String> example() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXAMPLE)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String[] kv = trimmed.split("=", 2);
            values.put(kv[0].strip(), kv[1].strip());
        }
        return values;
    }

    /** The example with throwaway secrets, written to {@code directory/compose.env}; the values it holds. */
    static Map<String, String> throwaway(Path directory) throws IOException {
        Map<String, String> values = new LinkedHashMap<>(example());
        values.replaceAll((name, value) -> SettingKind.isSecretName(name) ? random() : value);
        StringBuilder file = new StringBuilder("# throwaway values of one test run\n");
        values.forEach((name, value) -> file.append(name).append('=').append(value).append('\n'));
        Files.writeString(directory.resolve("compose.env"), file);
        return values;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** {@code docker-compose --env-file <envFile> -f docker-compose.yml <args>} without the example's variables set. */
    static ComposeFileTest.Result dockerCompose(Path dockerCompose, Path envFile, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(dockerCompose.toString(), "--env-file", envFile.toString(),
                "-f", "docker-compose.yml"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("compose-env", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ComposeFileTest.ROOT.toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(output.toFile());
            // a variable in the shell wins over the env file in compose: the test must see the file's values only
            builder.environment().keySet().removeAll(example().keySet());
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
            }
            return new ComposeFileTest.Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
