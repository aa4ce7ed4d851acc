package io.govflow.flow.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.govflow.support.ApiClient;
import tools.jackson.databind.JsonNode;

/** Facts read from a reference data directory before it is served (its plaintext keys and its agents), and reports. */
final class ReferenceFixtures {

    private static final Pattern KEY = Pattern.compile("\"api_key\"\\s*:\\s*\"([^\"]+)\"");

    private ReferenceFixtures() {
    }

    /** Every plaintext {@code api_key} value in any file under {@code dir}. */
    static List<String> plaintextKeys(Path dir) {
        TreeSet<String> keys = new TreeSet<>();
        for (Path file : files(dir)) {
            Matcher m = KEY.matcher(read(file));
            while (m.find()) {
                if (!m.group(1).startsWith("sha256:")) {
                    keys.add(m.group(1));
                }
            }
        }
        return List.copyOf(keys);
    }

    /** Agent id → {status, total_updates, api_key} from the metadata file. */
    static Map<String, JsonNode> agents(Path dir) {
        JsonNode root = ApiClient.JSON.readTree(read(dir.resolve("agent_metadata.json")));
        Map<String, JsonNode> out = new LinkedHashMap<>();
        root.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The agents of a report (migration or consistency) with a problem of this code. */
    static Set<String> idsWith(JsonNode report, String code) {
        return report.get("agents").valueStream()
                .filter(a -> a.get("problems").valueStream().anyMatch(p -> p.get("code").asString().equals(code)))
                .map(a -> a.get("agent_id").asString()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The files under {@code dir} that contain {@code text}, relative to it. */
    static List<String> filesContaining(Path dir, String text) {
        List<String> out = new ArrayList<>();
        for (Path file : files(dir)) {
            if (read(file).contains(text)) {
                out.add(dir.relativize(file).toString());
            }
        }
        return out;
    }

    static List<Path> files(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
