package dev.shopflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.localstack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The services' {@code Dockerfile}, read as Docker reads it (there is no engine here to build it, and no hadolint):
 * a JDK stage builds, the image runs on a JRE from the Boot jar's layers, as a user that is not root, with the
 * launcher's own JVM options and on every interface.
 */
class DockerfileTest {

    record Instruction(String keyword, String arguments) {
    }

    static final List<Instruction> instructions = read();

    @Test
    void theImageRunsOnAJreAndOnlyTheBuildStageHasAJdk() {
        var stages = all("FROM");

        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stages.getFirst()).matches("eclipse-temurin:\\d+-jdk AS build");
        assertThat(stages.getLast()).matches("eclipse-temurin:\\d+-jre");
        stages.subList(1, stages.size()).forEach(stage -> assertThat(stage).doesNotContain("jdk"));
    }

    @Test
    void theBaseImageRunsTheJavaReleaseTheProjectCompilesFor() throws IOException {
        var pom = Files.readString(ServiceSettings.projectRoot().resolve("pom.xml"));
        var release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(pom);
        assertThat(release.find()).isTrue();

        for (String stage : all("FROM")) {
            assertThat(stage).startsWith("eclipse-temurin:" + release.group(1) + "-");
        }
    }

    @Test
    void theImageRunsAsAUserThatIsNotRoot() {
        int lastFrom = lastIndexOf("FROM");
        var users = instructions.subList(lastFrom, instructions.size()).stream()
                .filter(instruction -> instruction.keyword().equals("USER")).map(Instruction::arguments).toList();

        assertThat(users).hasSize(1);
        String user = users.getFirst().split(":")[0];
        assertThat(user).as("a numeric uid, so that Kubernetes' runAsNonRoot can check it").matches("\\d+");
        assertThat(Integer.parseInt(user)).isPositive();
        assertThat(lastIndexOf("USER")).as("USER comes before ENTRYPOINT").isLessThan(lastIndexOf("ENTRYPOINT"));
    }

    @Test
    void theServiceStartsWithTheLaunchersJvmOptionsFromTheBootJarsLayers() {
        String exec = single("ENTRYPOINT");
        assertThat(exec).as("exec form: java is the container's first process and gets its signals").startsWith("[").endsWith("]");
        var entrypoint = Pattern.compile("\"([^\"]*)\"").matcher(exec).results().map(match -> match.group(1)).toList();

        var expected = new ArrayList<String>();
        expected.add("java");
        expected.addAll(StackSettings.DEFAULT_JVM_OPTIONS);
        expected.addAll(List.of("-jar", "application.jar"));
        assertThat(entrypoint).containsExactlyElementsOf(expected);
    }

    @Test
    void theJarIsSplitIntoLayersCopiedFromTheLeastToTheMostOftenChanged() {
        assertThat(all("RUN")).anyMatch(run -> run.contains("-Djarmode=tools") && run.contains("extract --layers"));
        var copies = instructions.subList(lastIndexOf("FROM"), instructions.size()).stream()
                .filter(instruction -> instruction.keyword().equals("COPY")).map(Instruction::arguments).toList();

        assertThat(copies).hasSize(4);
        var layers = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        for (int i = 0; i < layers.size(); i++) {
            assertThat(copies.get(i)).contains("extracted/" + layers.get(i) + "/");
        }
    }

    @Test
    void theServiceListensOnEveryInterfaceInAContainer() {
        assertThat(all("ENV")).contains("SERVER_ADDRESS=0.0.0.0");
        assertThat(ServiceSettings.of("order-service").mustBeSetOutsideThisMachine()).contains("SERVER_ADDRESS");
    }

    @Test
    void oneBuildArgumentNamesTheModule() {
        assertThat(all("ARG")).containsOnly("MODULE");
        assertThat(all("RUN")).anyMatch(run -> run.contains("-pl \"$MODULE\" -am package"));
    }

    private static String single(String keyword) {
        var found = all(keyword);
        assertThat(found).as(keyword).hasSize(1);
        return found.getFirst();
    }

    private static List<String> all(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments).toList();
    }

    private static int lastIndexOf(String keyword) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** The instructions, with comments dropped and continued lines joined, as Docker's parser sees them. */
    private static List<Instruction> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(ServiceSettings.projectRoot().resolve("Dockerfile"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        var found = new ArrayList<Instruction>();
        var current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().strip();
            current.setLength(0);
            int space = instruction.indexOf(' ');
            found.add(new Instruction(instruction.substring(0, space).toUpperCase(), instruction.substring(space + 1).strip()));
        }
        return found;
    }
}
