package io.govflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's curl tour, taken from the README itself and run by bash against a running service: every curl
 * in it gets a 2xx answer, so the tour cannot rot. Each curl reports its status on stderr through a wrapper.
 */
class ReadmeTourTest {

    private static final Pattern TOUR = Pattern.compile("## A tour with curl\\R+```bash\\R(.*?)\\R```",
            Pattern.DOTALL);

    @TempDir
    Path dataDir;

    @Test
    void theCurlTourRunsAsWritten() throws IOException, InterruptedException {
        Matcher tour = TOUR.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(tour.find()).as("README.md has the curl tour").isTrue();
        String block = tour.group(1);
        int curls = Pattern.compile("\\bcurl -s\\b").matcher(block).results().mapToInt(m -> 1).sum();
        try (RunningApp app = RunningApp.start(dataDir)) {
            String script = "set -euo pipefail\n"
                    + "curl() { command curl --write-out '%{stderr}HTTP %{http_code}\\n' \"$@\"; }\n"
                    + block.replace("localhost:8080", "127.0.0.1:" + app.port());
            Process bash = new ProcessBuilder("bash", "-c", script).start();
            bash.getOutputStream().close();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(bash.exitValue()).as(err).isZero();
            List<String> statuses = err.lines().filter(l -> l.startsWith("HTTP ")).toList();
            assertThat(statuses).as(err).hasSize(curls).allMatch(s -> s.matches("HTTP 2\\d\\d"));
            assertThat(statuses.get(0)).isEqualTo("HTTP 201");
            assertThat(out).contains("\"api_key\":\"gvf_", "\"decision\"", "\"attention_score\"");
        }
    }
}
