package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLaunchTest {

    @TempDir
    Path run;

    @Test
    void restartsExactlyAsItWasStartedAndKeepsThePasswordPrivate() throws Exception {
        var launch = new ServiceLaunch(
                List.of("/jdk/bin/java", "-Xmx160m", "-Dvalue=a b=c", "-jar", "order-service.jar"),
                Map.of("SERVER_PORT", "8083", "DB_PASSWORD", "s3cret: with = signs"));
        Path file = run.resolve("order-service.launch");

        launch.save(file);

        assertThat(ServiceLaunch.load(file)).isEqualTo(launch);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
