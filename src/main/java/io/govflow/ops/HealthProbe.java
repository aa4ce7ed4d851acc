package io.govflow.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container health check without curl: GETs the readiness probe and exits 0 when it answers 200, 1 otherwise.
 * It only uses the JDK, so the image runs it straight from the application's classes
 * ({@code java -cp BOOT-INF/classes io.govflow.ops.HealthProbe}) in a small JVM, without starting Spring.
 *
 * <p>The URL is the first argument, else {@code http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health/readiness}.
 */
public final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        URI uri = URI.create(args.length > 0 ? args[0] : defaultUrl());
        System.exit(check(uri) ? 0 : 1);
    }

    static boolean check(URI uri) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            // Docker keeps this output in the container's health log.
            System.out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200;
        } catch (IOException e) {
            System.out.println("unreachable: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String defaultUrl() {
        String port = System.getenv("SERVER_PORT");
        if (port == null || port.isBlank()) {
            port = "8080";
        }
        return "http://127.0.0.1:" + port.strip() + "/actuator/health/readiness";
    }
}
