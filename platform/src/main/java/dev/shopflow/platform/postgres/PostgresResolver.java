package dev.shopflow.platform.postgres;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the PostgreSQL server Shopflow runs on. The launcher and the tests both use this, in this order:
 * <ol>
 *     <li>{@code SHOPFLOW_POSTGRES_URL} when set ({@code postgresql://user:password@host:port} or
 *     {@code jdbc:postgresql://host:port}, with {@code SHOPFLOW_POSTGRES_USER} / {@code SHOPFLOW_POSTGRES_PASSWORD});</li>
 *     <li>a server answering on localhost:5432;</li>
 *     <li>a Testcontainers PostgreSQL when Docker is available;</li>
 *     <li>an embedded PostgreSQL (real binaries from Maven Central) when not running as root;</li>
 *     <li>otherwise {@link PostgresUnavailable}, whose message says how to provide one.</li>
 * </ol>
 */
public final class PostgresResolver {

    public static final String URL = "SHOPFLOW_POSTGRES_URL";
    public static final String USER = "SHOPFLOW_POSTGRES_USER";
    public static final String PASSWORD = "SHOPFLOW_POSTGRES_PASSWORD";

    static final String LOCAL_HOST = "localhost";
    static final int LOCAL_PORT = 5432;

    private final Map<String, String> environment;
    private final Consumer<String> log;
    private Path embeddedDataDirectory;
    private int embeddedPort;

    private PostgresResolver(Map<String, String> environment, Consumer<String> log) {
        this.environment = environment;
        this.log = log;
    }

    /** A resolver reading its settings from the given environment and reporting each step to {@code log}. */
    public static PostgresResolver using(Map<String, String> environment, Consumer<String> log) {
        return new PostgresResolver(environment, log);
    }

    /**
     * Keeps an embedded server's data in this directory, on this port, so it survives restarts.
     * Without it an embedded server gets a temporary directory and a free port.
     */
    public PostgresResolver persistEmbeddedServer(Path dataDirectory, int port) {
        this.embeddedDataDirectory = dataDirectory;
        this.embeddedPort = port;
        return this;
    }

    /**
     * Resolves a server, starting a container or an embedded server when nothing else is available.
     *
     * @throws PostgresUnavailable when none can be had, with instructions for the user
     */
    public PostgresServer resolve() {
        String url = setting(URL);
        if (url != null) {
            return configured(url);
        }
        if (answers(LOCAL_HOST, LOCAL_PORT)) {
            return local();
        }
        log.accept("Nothing answers on " + LOCAL_HOST + ":" + LOCAL_PORT + "; looking for Docker");
        if (isPresent("org.testcontainers.DockerClientFactory") && ContainerPostgres.dockerAvailable()) {
            log.accept("Starting PostgreSQL in a container (Testcontainers)");
            return ContainerPostgres.start();
        }
        if (isRoot()) {
            throw new PostgresUnavailable(noServerMessage(
                    "Embedded PostgreSQL refuses to run as root, and there is no Docker."));
        }
        if (!isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")) {
            throw new PostgresUnavailable(noServerMessage("Embedded PostgreSQL is not on the classpath."));
        }
        log.accept("Starting an embedded PostgreSQL" + (embeddedDataDirectory == null ? "" : " (data in " + embeddedDataDirectory + ")"));
        return EmbeddedPostgresServer.start(embeddedDataDirectory, embeddedPort);
    }

    private PostgresServer configured(String url) {
        var target = ServerAddress.parse(url);
        String user = firstNonBlank(setting(USER), target.user(), "postgres");
        String password = firstNonBlank(setting(PASSWORD), target.password(), "");
        try (var ignored = PostgresServer.connect(jdbcUrl(target.host(), target.port()), user, password)) {
            return new PostgresServer(target.host(), target.port(), user, password, PostgresServer.Origin.CONFIGURED, null);
        } catch (SQLException e) {
            throw new PostgresUnavailable("Cannot connect to the PostgreSQL server in " + URL + " ("
                    + target.host() + ":" + target.port() + " as " + user + "): " + e.getMessage()
                    + "\nCheck the URL, " + USER + " and " + PASSWORD + ".", e);
        }
    }

    private PostgresServer local() {
        String password = firstNonBlank(setting(PASSWORD), "");
        var users = new LinkedHashSet<String>();
        String configuredUser = setting(USER);
        if (configuredUser != null) {
            users.add(configuredUser);
        } else {
            // Debian and Docker images name the superuser postgres; Homebrew and Postgres.app use the OS user.
            users.add("postgres");
            users.add(System.getProperty("user.name"));
        }
        List<String> refusals = new ArrayList<>();
        for (String user : users) {
            try (var ignored = PostgresServer.connect(jdbcUrl(LOCAL_HOST, LOCAL_PORT), user, password)) {
                return new PostgresServer(LOCAL_HOST, LOCAL_PORT, user, password, PostgresServer.Origin.LOCAL, null);
            } catch (SQLException e) {
                refusals.add(user + ": " + e.getMessage());
            }
        }
        throw new PostgresUnavailable("A PostgreSQL server answers on " + LOCAL_HOST + ":" + LOCAL_PORT
                + " but refused every user tried (" + String.join("; ", refusals) + ").\n"
                + "Set " + USER + " and " + PASSWORD + " to a role that may create databases.");
    }

    private String noServerMessage(String reason) {
        return "No PostgreSQL server is available. " + reason + "\nProvide one in any of these ways:\n"
                + "  - start PostgreSQL 15+ on localhost:5432 (for example `sudo apt install postgresql`,"
                + " `brew install postgresql@17 && brew services start postgresql@17`);\n"
                + "  - point Shopflow at a server: export " + URL + "=postgresql://USER:PASSWORD@HOST:5432;\n"
                + "  - install and start Docker, and Shopflow starts PostgreSQL in a container;\n"
                + "  - run as a normal user (not root), and Shopflow starts an embedded PostgreSQL.";
    }

    private String setting(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String jdbcUrl(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/postgres";
    }

    static boolean answers(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, PostgresResolver.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Host, port and optional credentials parsed from {@code SHOPFLOW_POSTGRES_URL}. */
    record ServerAddress(String host, int port, String user, String password) {

        static ServerAddress parse(String url) {
            String uriText = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
            URI uri;
            try {
                uri = URI.create(uriText);
            } catch (IllegalArgumentException e) {
                throw new PostgresUnavailable(URL + " is not a URL: " + url, e);
            }
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new PostgresUnavailable(URL + " must look like postgresql://USER:PASSWORD@HOST:PORT, not " + url);
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            return new ServerAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : LOCAL_PORT, user, password);
        }
    }
}
