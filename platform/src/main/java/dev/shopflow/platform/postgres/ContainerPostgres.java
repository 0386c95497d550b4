package dev.shopflow.platform.postgres;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Docker container. Only loaded when Testcontainers is on the classpath. */
final class ContainerPostgres {

    private static final String IMAGE = "postgres:17-alpine";

    private ContainerPostgres() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static PostgresServer start() {
        var container = new PostgreSQLContainer(IMAGE);
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new PostgresUnavailable("Docker is available but the PostgreSQL container (" + IMAGE
                    + ") did not start: " + e.getMessage(), e);
        }
        return new PostgresServer(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                container.getPassword(), PostgresServer.Origin.CONTAINER, container::stop);
    }
}
