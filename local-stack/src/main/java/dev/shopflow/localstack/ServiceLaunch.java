package dev.shopflow.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How one service is started: its command line and the environment that connects it to the stack. The launcher
 * saves it beside the pid file, so {@code ./shopflow restart SERVICE} starts the service exactly as {@code up} did,
 * and {@code ./shopflow audit} reads the databases and Kafka of the running stack (and the settings it audits
 * against, such as order-service's {@code ORDER_DEADLINE}) from it.
 *
 * @param command     the command line
 * @param environment what is added to the launcher's environment: {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME},
 *                    {@code DB_USER}, {@code DB_PASSWORD}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code SERVER_PORT} ...
 */
public record ServiceLaunch(List<String> command, Map<String, String> environment) {

    /**
     * How the stack with these settings last started the service, if it ever did ({@code up}, or a
     * {@link LocalStack} of the system tests): the file stays after the stack stops.
     */
    public static Optional<ServiceLaunch> saved(StackSettings settings, ServiceSpec service) {
        return saved(settings, ServiceInstance.first(service));
    }

    /** How the stack last started this instance of a service, if it did. */
    static Optional<ServiceLaunch> saved(StackSettings settings, ServiceInstance instance) {
        Path file = file(settings, instance);
        return Files.exists(file) ? Optional.of(load(file)) : Optional.empty();
    }

    /** The same launch with these variables added to its environment (replacing any of the same name). */
    ServiceLaunch with(Map<String, String> moreEnvironment) {
        var merged = new LinkedHashMap<>(environment);
        merged.putAll(moreEnvironment);
        return new ServiceLaunch(command, merged);
    }

    static Path file(StackSettings settings, ServiceSpec service) {
        return file(settings, ServiceInstance.first(service));
    }

    static Path file(StackSettings settings, ServiceInstance instance) {
        return settings.runDirectory().resolve(instance.name() + ".launch");
    }

    void save(Path file) {
        var properties = new Properties();
        for (int i = 0; i < command.size(); i++) {
            properties.setProperty("arg." + i, command.get(i));
        }
        environment.forEach((key, value) -> properties.setProperty("env." + key, value));
        try {
            Files.createDirectories(file.getParent());
            // The environment holds the database password: the file is the owner's alone from its first byte.
            Path written = PrivateFiles.create(file.resolveSibling(file.getFileName() + ".tmp"));
            try (Writer out = Files.newBufferedWriter(written)) {
                properties.store(out, "How ./shopflow starts this service; written by the launcher");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static ServiceLaunch load(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        var command = new ArrayList<String>();
        for (int i = 0; properties.containsKey("arg." + i); i++) {
            command.add(properties.getProperty("arg." + i));
        }
        var environment = new LinkedHashMap<String, String>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith("env.")).sorted()
                .forEach(key -> environment.put(key.substring(4), properties.getProperty(key)));
        return new ServiceLaunch(command, environment);
    }
}
