package dev.shopflow.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A load run warns when the launcher is still recording start-up caches, which compete with the stack for the CPU. */
class RecordingStartupCachesTest {

    @Test
    void seesAStartUpCacheRecordingUnderTheStacksProcesses() throws Exception {
        // A child of this process with the recording's option on its command line, as the launcher starts one ("; true"
        // keeps bash from replacing itself with sleep, which would drop the option from the command line).
        Process recording = new ProcessBuilder("bash", "-c", "sleep 60; true", "-XX:AOTCacheOutput=/tmp/gateway.aot").start();
        try {
            assertThat(LoadCommand.recordingStartupCaches(List.of(ProcessHandle.current()))).isTrue();
        } finally {
            recording.destroyForcibly().waitFor();
        }
    }

    @Test
    void seesNoneWhenNoProcessUnderTheStackRecords() throws Exception {
        Process other = new ProcessBuilder("bash", "-c", "sleep 60; true", "-XX:SomethingElse").start();
        try {
            assertThat(LoadCommand.recordingStartupCaches(List.of(ProcessHandle.current()))).isFalse();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }
}
