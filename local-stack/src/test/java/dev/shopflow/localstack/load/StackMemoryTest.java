package dev.shopflow.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's resident memory, from each process's {@code /proc/PID/status}. */
class StackMemoryTest {

    @TempDir
    Path proc;

    @Test
    void addsUpTheResidentSetOfEveryProcessItCanRead() throws Exception {
        var current = ProcessHandle.current();
        var parent = current.parent().orElseThrow();
        Files.createDirectories(proc.resolve(String.valueOf(current.pid())));
        Files.writeString(proc.resolve(current.pid() + "/status"), "Name:\tjava\nVmPeak:\t 999999 kB\nVmRSS:\t  307200 kB\nThreads:\t40\n");
        Files.createDirectories(proc.resolve(String.valueOf(parent.pid())));
        Files.writeString(proc.resolve(parent.pid() + "/status"), "Name:\tjava\nVmRSS:\t  102400 kB\n");

        var memory = new StackMemory(() -> List.of(current, parent, ProcessHandle.of(1).orElse(current)), proc);

        assertThat(memory.residentMegabytes()).hasValue(400);
    }

    @Test
    void isUnknownWhenNothingCanBeRead() {
        assertThat(new StackMemory(() -> List.of(ProcessHandle.current()), proc).residentMegabytes()).isEmpty();
    }
}
