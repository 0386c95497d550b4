package dev.shopflow.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the {@code ./shopflow} script as a user would, with an environment of the test's own. */
final class ShopflowScript {

    record Result(int exitCode, String output) {
    }

    private ShopflowScript() {
    }

    static Result run(Path home, Map<String, String> environment, String... args) {
        var command = new ArrayList<>(List.of("bash", home.resolve("shopflow").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Read while it runs, so a chatty command never blocks on a full pipe.
            var output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./shopflow " + String.join(" ", args) + " did not finish");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            System.out.println("$ ./shopflow " + String.join(" ", args) + "\n" + text);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
