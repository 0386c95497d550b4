package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every benchmark script under bench/ explains itself on {@code --help} and refuses what it does not understand with
 * exit status 2 before it touches anything (a script that took a bad argument for a number once started the stack).
 * Each runs against a state folder of its own, where no stack runs.
 */
class BenchScriptsTest {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path state;

    static Stream<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("bench"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sh")).sorted()
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void explainsItselfOnHelp(String script) throws Exception {
        var run = bash(script, "--help");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("Usage: bench/" + script);
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void refusesAnOptionItDoesNotKnow(String script) throws Exception {
        var run = bash(script, "--no-such-option");

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).doesNotContain("starting", "Starting", "Registering");
    }

    private Run bash(String script, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("bash", HOME.resolve("bench").resolve(script).toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SHOPFLOW_STATE_DIR", state.toString());
        // Ports nothing listens on: a script that went ahead anyway would find no stack rather than the user's.
        builder.environment().put("SHOPFLOW_GATEWAY_PORT", "1");
        builder.environment().put("SHOPFLOW_AUTH_SERVICE_PORT", "2");
        Process process = builder.start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("bench/%s %s ended within a minute: %s", script, arguments, output).isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int status, String output) {
    }
}
