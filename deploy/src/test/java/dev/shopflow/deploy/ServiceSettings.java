package dev.shopflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What a service reads from its environment, taken from the files that really configure it: its
 * {@code application.yml} and platform's {@code shopflow-defaults.yml} beneath it. A deployment (compose file,
 * Kubernetes manifest, image) is checked against this list, so a setting a service gains is a setting every
 * deployment is made to provide.
 *
 * <p>Platform's defaults count only for the technologies the service's build brings (a gateway without R2DBC reads
 * no database setting). Three kinds of entries: every {@code ${NAME:default}} placeholder (an upper-case name is an environment variable;
 * a dotted property such as {@code services.catalog.uri} is read from the environment as {@code
 * SERVICES_CATALOG_URI}, Spring Boot's relaxed binding), and every plain value that names this machine (such as
 * {@code server.address: 127.0.0.1}), which a container must override through the property's environment name; and Spring Boot's own
 * defaults that point at this machine for a technology the service uses (Redis).
 */
public final class ServiceSettings {

    /** The modules that run as services. */
    public static final List<String> SERVICES =
            List.of("gateway", "auth-service", "catalog-service", "order-service", "payment-service");

    private static final Path PLATFORM_DEFAULTS = Path.of("platform/src/main/resources/shopflow-defaults.yml");

    private final String service;
    private final Map<String, Setting> settings;

    private ServiceSettings(String service, Map<String, Setting> settings) {
        this.service = service;
        this.settings = settings;
    }

    /**
     * One environment variable a service reads.
     *
     * @param name          the environment variable
     * @param property      the property it sets, or the placeholder's own name when it is one
     * @param defaultValue  what the service uses when it is not set; empty when there is no default at all
     */
    public record Setting(String name, String property, Optional<String> defaultValue) {

        /** Left unset, the service would look for something on its own machine: wrong in a container or a pod. */
        public boolean pointsAtThisMachine() {
            return defaultValue.filter(value -> value.contains("localhost") || value.contains("127.0.0.1")).isPresent();
        }

        /** The service cannot start without it. */
        public boolean required() {
            return defaultValue.isEmpty();
        }
    }

    /** The settings of {@code service} (a module name from {@link #SERVICES}), read from the project's sources. */
    public static ServiceSettings of(String service) {
        var root = projectRoot();
        var technologies = read(root.resolve(service).resolve("pom.xml"));
        var settings = new LinkedHashMap<String, Setting>();
        Object defaults = new Yaml().load(read(root.resolve(PLATFORM_DEFAULTS)));
        Object own = new Yaml().load(read(root.resolve(service).resolve("src/main/resources/application.yml")));
        // A placeholder naming a property these files define (${spring.application.name}, ${shopflow.database.host})
        // refers to that property, not to the environment.
        var defined = new java.util.HashSet<String>();
        flatten("", defaults, (property, value) -> defined.add(property));
        flatten("", own, (property, value) -> defined.add(property));
        flatten("", defaults, (property, value) -> {
            if (usedBy(property, technologies)) {
                collect(property, value, settings, defined);
            }
        });
        flatten("", own, (property, value) -> collect(property, value, settings, defined));
        if (technologies.contains("redis")) {
            // Spring Boot's own default, in no file of ours: the gateway's rate limiter looks for Redis on localhost.
            settings.putIfAbsent("SPRING_DATA_REDIS_HOST",
                    new Setting("SPRING_DATA_REDIS_HOST", "spring.data.redis.host", Optional.of("localhost")));
        }
        return new ServiceSettings(service, settings);
    }

    public String service() {
        return service;
    }

    public List<Setting> all() {
        return List.copyOf(settings.values());
    }

    /** The variables a deployment must set: those without a default and those whose default is this machine. */
    public Set<String> mustBeSetOutsideThisMachine() {
        var names = new TreeSet<String>();
        settings.values().stream().filter(setting -> setting.required() || setting.pointsAtThisMachine())
                .forEach(setting -> names.add(setting.name()));
        return names;
    }

    /** Every environment variable the service reads (a deployment may set no other, except Spring's own). */
    public Set<String> names() {
        return new TreeSet<>(settings.keySet());
    }

    /** The environment variable Spring Boot binds to {@code property} (relaxed binding). */
    public static String environmentName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** The project's folder: where the tests run from, or one above it (Maven runs a module's tests in the module). */
    public static Path projectRoot() {
        var here = Path.of("").toAbsolutePath();
        return Stream.of(here, here.getParent())
                .filter(folder -> Files.isRegularFile(folder.resolve("mvnw")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no project folder (with mvnw) at or above " + here));
    }

    /** Platform's defaults configure every technology; a service reads those of the ones its build brings. */
    private static boolean usedBy(String property, String technologies) {
        if (property.startsWith("shopflow.database") || property.startsWith("spring.r2dbc") || property.startsWith("spring.flyway")) {
            return technologies.contains("r2dbc");
        }
        if (property.startsWith("spring.kafka")) {
            return technologies.contains("kafka");
        }
        return true;
    }

    private static void collect(String property, String value, Map<String, Setting> settings, Set<String> defined) {
        var placeholders = Placeholder.allIn(value);
        for (var placeholder : placeholders) {
            if (defined.contains(placeholder.name())) {
                continue;
            }
            var name = placeholder.name().equals(placeholder.name().toUpperCase(Locale.ROOT))
                    ? placeholder.name()
                    : environmentName(placeholder.name());
            settings.merge(name, new Setting(name, placeholder.name(), placeholder.defaultValue()), (first, second) -> first);
        }
        if (placeholders.isEmpty() && (value.contains("localhost") || value.contains("127.0.0.1"))) {
            var name = environmentName(property);
            settings.putIfAbsent(name, new Setting(name, property, Optional.of(value)));
        }
    }

    private interface PropertySink {
        void accept(String property, String value);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, PropertySink sink) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, sink));
        } else if (node instanceof List<?> list) {
            for (int index = 0; index < list.size(); index++) {
                flatten(prefix + "[" + index + "]", list.get(index), sink);
            }
        } else if (node != null) {
            sink.accept(prefix, String.valueOf(node));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code ${name:default}} placeholder; defaults may hold placeholders of their own, which are found too. */
    record Placeholder(String name, Optional<String> defaultValue) {

        static List<Placeholder> allIn(String value) {
            var found = new ArrayList<Placeholder>();
            int start = value.indexOf("${");
            while (start >= 0) {
                int end = closingBrace(value, start + 2);
                var body = value.substring(start + 2, end);
                int colon = topLevelColon(body);
                var name = colon < 0 ? body : body.substring(0, colon);
                var defaultValue = colon < 0 ? Optional.<String>empty() : Optional.of(body.substring(colon + 1));
                found.add(new Placeholder(name, defaultValue));
                defaultValue.ifPresent(inner -> found.addAll(allIn(inner)));
                start = value.indexOf("${", end + 1);
            }
            return found;
        }

        private static int closingBrace(String value, int from) {
            int depth = 1;
            for (int index = from; index < value.length(); index++) {
                if (value.startsWith("${", index)) {
                    depth++;
                    index++;
                } else if (value.charAt(index) == '}' && --depth == 0) {
                    return index;
                }
            }
            throw new IllegalArgumentException("unclosed placeholder in " + value);
        }

        private static int topLevelColon(String body) {
            int depth = 0;
            for (int index = 0; index < body.length(); index++) {
                if (body.startsWith("${", index)) {
                    depth++;
                    index++;
                } else if (body.charAt(index) == '}') {
                    depth--;
                } else if (body.charAt(index) == ':' && depth == 0) {
                    return index;
                }
            }
            return -1;
        }
    }
}
