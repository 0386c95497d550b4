package dev.shopflow.systemtest;

import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.platform.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the {@code ./shopflow} script as a user would, with an environment of the test's own. */
final class ShopflowScript {

    record Result(int exitCode, String output) {
    }

    /**
     * A stack of the test's own for the script: a fresh state folder, free ports (service and management) and
     * databases with a unique suffix (dropped when the tests end), so that it runs beside anything else.
     *
     * @param environment the variables to start the script with
     * @param ports each service's port, by service name
     * @param managementPorts each service's management port, by service name
     */
    record IsolatedStack(Map<String, String> environment, Map<String, Integer> ports,
            Map<String, Integer> managementPorts) {

        static IsolatedStack in(Path state) {
            deleteRecursively(state);
            var environment = new HashMap<String, String>();
            var ports = new HashMap<String, Integer>();
            var managementPorts = new HashMap<String, Integer>();
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            // A test stack lives for a minute: recording start-up caches for it would only compete for the CPU.
            environment.put("SHOPFLOW_AOT_CACHE", "false");
            environment.put("SHOPFLOW_STATE_DIR", state.toString());
            String suffix = TestPostgres.uniqueSuffix();
            environment.put("SHOPFLOW_DATABASE_SUFFIX", suffix);
            for (ServiceSpec service : ServiceSpec.ALL) {
                String variable = "SHOPFLOW_" + service.name().toUpperCase().replace('-', '_');
                ports.put(service.name(), Http.freePort());
                managementPorts.put(service.name(), Http.freePort());
                environment.put(variable + "_PORT", String.valueOf(ports.get(service.name())));
                environment.put(variable + "_MANAGEMENT_PORT", String.valueOf(managementPorts.get(service.name())));
                if (service.database() != null) {
                    TestPostgres.dropAtExit(service.database() + suffix);
                }
            }
            environment.put("SHOPFLOW_KAFKA_PORT", String.valueOf(Http.freePort()));
            return new IsolatedStack(environment, ports, managementPorts);
        }

        private static void deleteRecursively(Path folder) {
            if (!Files.exists(folder)) {
                return;
            }
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ShopflowScript() {
    }

    static Result run(Path home, Map<String, String> environment, String... args) {
        return run(home, environment, java.time.Duration.ofMinutes(5), args);
    }

    /** As {@link #run(Path, Map, String...)}, waiting up to {@code limit} for the command to finish. */
    static Result run(Path home, Map<String, String> environment, java.time.Duration limit, String... args) {
        var command = new ArrayList<>(List.of("bash", home.resolve("shopflow").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Read while it runs, so a chatty command never blocks on a full pipe.
            var output = process.getInputStream().readAllBytes();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
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
