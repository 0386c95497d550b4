package dev.shopflow.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization the way {@code kubectl apply -k} would, with the {@code kubectl} on this machine
 * ({@code KUBECTL} names another). Debian's {@code kubernetes-client} is enough: the manifests are written for every
 * kubectl from 1.20 on (ADR 0024), and {@code .ci/run} installs it when there is none.
 */
final class Kustomize {

    /** Where the manifests live, under the project folder. */
    static final Path MANIFESTS = Path.of("deploy/kubernetes");

    private Kustomize() {
    }

    /** The kubectl to render with, if this machine has one. */
    static Optional<Path> kubectl() {
        var named = System.getenv("KUBECTL");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named.trim())).filter(Files::isExecutable);
        }
        var path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Under CI a missing kubectl fails the checks (.ci/run installs it); elsewhere they are skipped and say why. */
    static boolean canRenderOrMustFail() {
        return kubectl().isPresent() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Every overlay: a folder under {@code overlays/} with a kustomization. */
    static List<Path> overlays() {
        var folder = ServiceSettings.projectRoot().resolve(MANIFESTS).resolve("overlays");
        try (var children = Files.list(folder)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("kustomization.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The objects {@code kubectl kustomize FOLDER} prints, each as the YAML parser reads it. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path folder) {
        var kubectl = kubectl().orElseThrow(() -> new IllegalStateException(
                "kubectl is needed to render " + folder + ": install Debian's kubernetes-client (.ci/run does) or set KUBECTL"));
        try {
            var error = Files.createTempFile("kustomize", ".err");
            try {
                var process = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString())
                        .redirectError(error.toFile())
                        .start();
                var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + folder + " failed: " + Files.readString(error));
                }
                var objects = new ArrayList<Map<String, Object>>();
                for (var document : new Yaml(new LoaderOptions()).loadAll(output)) {
                    if (document != null) {
                        objects.add((Map<String, Object>) document);
                    }
                }
                return objects;
            } finally {
                Files.deleteIfExists(error);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
