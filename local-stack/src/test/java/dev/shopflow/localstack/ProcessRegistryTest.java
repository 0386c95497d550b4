package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRegistryTest {

    @TempDir
    Path run;

    @Test
    void findsARecordedLiveProcess() {
        var registry = new ProcessRegistry(run);

        registry.record("gateway", ProcessHandle.current());

        assertThat(registry.find("gateway")).contains(ProcessHandle.current());
    }

    @Test
    void doesNotMistakeARecycledPidForTheRecordedProcess() throws Exception {
        Files.writeString(run.resolve("gateway.pid"), ProcessHandle.current().pid() + " 12345\n");

        assertThat(new ProcessRegistry(run).find("gateway")).isEmpty();
    }

    @Test
    void ignoresAProcessThatHasExitedAndAnUnreadableFile() throws Exception {
        var registry = new ProcessRegistry(run);
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        registry.record("auth-service", exited.toHandle());
        Files.writeString(run.resolve("order-service.pid"), "not a pid");

        assertThat(registry.find("auth-service")).isEmpty();
        assertThat(registry.find("order-service")).isEmpty();
        assertThat(registry.find("payment-service")).isEmpty();
    }

    @Test
    void forgetsAProcess() {
        var registry = new ProcessRegistry(run);
        registry.record("gateway", ProcessHandle.current());

        registry.forget("gateway");

        assertThat(registry.find("gateway")).isEmpty();
    }
}
