package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.ServiceSpec;
import dev.shopflow.localstack.StackSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build ships: no service's runtime jar carries platform-test's test support, neither as classes of its own
 * nor inside one of the libraries nested in the executable jar ({@code BOOT-INF/lib}). It reads the jars the stack
 * runs ({@link StackSettings#jar}), so it runs after they are packaged, as an integration test.
 */
class ServiceJarsIT {

    private static final String TEST_SUPPORT = "dev/shopflow/platform/testsupport/";
    private static final Path HOME = Path.of(System.getProperty("shopflow.home")).toAbsolutePath().normalize();

    @Test
    void noServiceJarCarriesTheTestSupport() {
        var settings = StackSettings.fromEnvironment(HOME, Map.of());
        List<String> shipped = new ArrayList<>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            Path jar = settings.jar(service);
            assertThat(jar).as("the packaged jar of %s", service.name()).isRegularFile();
            shipped.addAll(testSupportIn(jar));
        }
        Path launcher = HOME.resolve("local-stack/target/local-stack-exec.jar");
        assertThat(launcher).as("the packaged launcher").isRegularFile();
        shipped.addAll(testSupportIn(launcher));

        assertThat(shipped).as("test support classes in runtime jars").isEmpty();
    }

    @Test
    void findsTestSupportNestedInALibraryOfAnExecutableJar(@TempDir Path folder) throws IOException {
        byte[] library = zip(Map.of(TEST_SUPPORT + "TestTokens.class", new byte[] {1}));
        Path executable = folder.resolve("service.jar");
        Files.write(executable, zip(Map.of(
                "BOOT-INF/classes/dev/shopflow/order/Orders.class", new byte[] {1},
                "BOOT-INF/lib/platform.jar", library)));

        assertThat(testSupportIn(executable))
                .containsExactly("service.jar!/BOOT-INF/lib/platform.jar!/" + TEST_SUPPORT + "TestTokens.class");
    }

    @Test
    void findsTestSupportAmongAJarsOwnClasses(@TempDir Path folder) throws IOException {
        Path jar = folder.resolve("service.jar");
        Files.write(jar, zip(Map.of(TEST_SUPPORT + "ServiceContract.class", new byte[] {1})));

        assertThat(testSupportIn(jar)).containsExactly("service.jar!/" + TEST_SUPPORT + "ServiceContract.class");
    }

    /** The test support entries in the jar and in the jars nested in it, as {@code outer.jar!/inner.jar!/entry}. */
    private static List<String> testSupportIn(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            return testSupportIn(jar.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static List<String> testSupportIn(String location, InputStream jar) throws IOException {
        List<String> found = new ArrayList<>();
        var entries = new ZipInputStream(jar);
        for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            String where = location + "!/" + entry.getName();
            if (entry.getName().startsWith(TEST_SUPPORT) || entry.getName().contains("/" + TEST_SUPPORT)) {
                found.add(where);
            } else if (entry.getName().endsWith(".jar")) {
                found.addAll(testSupportIn(where, new ByteArrayInputStream(entries.readAllBytes())));
            }
        }
        return found;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
