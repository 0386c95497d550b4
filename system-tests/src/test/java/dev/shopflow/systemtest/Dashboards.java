package dev.shopflow.systemtest;

import com.jayway.jsonpath.JsonPath;
import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Grafana dashboards' queries (observability/grafana/dashboards), asked of a Prometheus as Grafana asks them. */
final class Dashboards {

    private Dashboards() {
    }

    /**
     * Every query of every panel, by {@code file › panel title}, with Grafana's {@code $__rate_interval} replaced by
     * what Grafana makes of it for a 5 s scrape interval.
     */
    static Map<String, String> queries(Path folder) throws IOException {
        var queries = new LinkedHashMap<String, String>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                String dashboard = Files.readString(file);
                List<Map<String, Object>> panels = JsonPath.read(dashboard, "$.panels[?(@.targets)]");
                for (var panel : panels) {
                    List<String> expressions = JsonPath.read(panel, "$.targets[*].expr");
                    for (int i = 0; i < expressions.size(); i++) {
                        queries.put(file.getFileName() + " › " + panel.get("title") + (i == 0 ? "" : " #" + (i + 1)),
                                expressions.get(i).replace("$__rate_interval", "1m"));
                    }
                }
            }
        }
        return queries;
    }

    /** How many series a query returns now; 0 when it returns none (or Prometheus refuses it). */
    static int resultCount(int prometheusPort, String query) {
        var answer = Http.get("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (answer.statusCode() != 200) {
            return 0;
        }
        List<Object> result = JsonPath.read(answer.body(), "$.data.result");
        return result.size();
    }

    /** Whether {@code prometheus} is on the PATH, where {@code ./shopflow up --observe} looks for it. */
    static boolean prometheusInstalled() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isBlank() && Files.isExecutable(Path.of(folder, "prometheus"))) {
                return true;
            }
        }
        return false;
    }
}
