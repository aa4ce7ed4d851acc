package io.govflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.govflow.GovflowApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Build information and the SBOM, on the real application. Both files are written into the classes folder
 * by the build ({@code build-info} and the CycloneDX plugin, at generate-resources), so this class needs a
 * Maven run up to at least {@code test}; the pom hands the build's {@code project.build.outputTimestamp} to
 * the tests as a system property.
 */
class BuildMetadataEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = new SpringApplication(GovflowApplication.class).run("--server.port=0",
                "--govflow.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // info describes the host, so it is open only when configured so
                "--govflow.security.open-operations=true");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void infoShowsTheBuildStampedWithTheReproducibleTimestamp() throws Exception {
        String outputTimestamp = System.getProperty("project.build.outputTimestamp");
        assertThat(outputTimestamp).as("system property set by the pom's surefire configuration").isNotBlank();

        HttpResponse<String> info = get("/actuator/info");

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode build = JSON.readTree(info.body()).path("build");
        assertThat(build.path("group").asString()).isEqualTo("io.govflow");
        assertThat(build.path("artifact").asString()).isEqualTo("govflow");
        assertThat(build.path("version").asString()).isNotBlank();
        assertThat(Instant.parse(build.path("time").asString())).isEqualTo(Instant.parse(outputTimestamp));
    }

    @Test
    void sbomEndpointServesTheApplicationsCycloneDxDocument() throws Exception {
        HttpResponse<String> ids = get("/actuator/sbom");
        assertThat(ids.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ids.body()).path("ids").valueStream().map(JsonNode::asString))
                .contains("application");

        HttpResponse<String> sbom = get("/actuator/sbom/application");

        assertThat(sbom.statusCode()).isEqualTo(200);
        assertThat(sbom.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.cyclonedx+json"));
        JsonNode bom = JSON.readTree(sbom.body());
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        JsonNode application = bom.path("metadata").path("component");
        assertThat(application.path("group").asString()).isEqualTo("io.govflow");
        assertThat(application.path("name").asString()).isEqualTo("govflow");
        // reproducible mode (on when project.build.outputTimestamp is set): no generation time in the document
        assertThat(bom.path("metadata").has("timestamp")).isFalse();
        assertThat(bom.path("metadata").path("properties").valueStream()
                .filter(property -> property.path("name").asString().equals("cdx:reproducible"))
                .map(property -> property.path("value").asString())).containsExactly("enabled");
        assertThat(bom.path("components").valueStream().map(component -> component.path("name").asString()))
                .contains("commons-csv", "spring-webmvc")
                .doesNotContain("spring-boot-starter-test", "testcontainers");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
