package io.govflow.web.auth;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one list of paths served without a credential and without an {@link Access} annotation: endpoints of the
 * frameworks the service is built on, which it cannot annotate. Any other endpoint without an access decision
 * stops start-up ({@link AccessAudit}). An entry is an exact path, or a prefix ending in {@code /**} that covers
 * the prefix itself and everything below it.
 *
 * <table>
 * <caption>Anonymous paths</caption>
 * <tr><th>Path</th><th>What answers</th><th>Why without a credential</th></tr>
 * <tr><td>{@code /actuator/**}</td><td>Spring Boot actuator: health and its probes, info, prometheus (what is
 * exposed is set by {@code management.endpoints.web.exposure})</td><td>orchestrators and scrapers carry no
 * credential</td></tr>
 * <tr><td>{@code /v3/api-docs/**}, {@code /v3/api-docs.yaml}</td><td>springdoc: the OpenAPI document and the
 * Swagger UI configuration</td><td>the public description of the API</td></tr>
 * <tr><td>{@code /swagger-ui.html}, {@code /swagger-ui/**}</td><td>Swagger UI: its redirect and static
 * files</td><td>a static page; its calls to the API send the user's own credential</td></tr>
 * <tr><td>{@code /error}</td><td>the container's error dispatch ({@code EnvelopeErrorController})</td><td>answers
 * the error envelope of a request already refused or failed</td></tr>
 * </table>
 *
 * <p>Also answered without a credential, but not by path: the automatic {@code OPTIONS} answer of Spring MVC
 * (an {@code Allow} header, nothing else), filters declared {@code @Access(ANONYMOUS)} (they refuse bodies and
 * media types before authentication), framework filters that answer no request ({@code ServletEndpoints}), and
 * requests Tomcat rejects before any filter runs (an error envelope). The service's only static files are the
 * console's, served by a controller whose methods are declared {@code @Access(ANONYMOUS)}; the default resource
 * handler is off ({@code spring.web.resources.add-mappings}).
 */
public final class AnonymousPaths {

    /** The entries of the table above. */
    public static final List<String> PATTERNS = List.of("/actuator/**", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**", "/error");

    private static final String ANY_BELOW = "/**";
    private static final List<PathPattern> PARSED = PATTERNS.stream().map(PathPatternParser.defaultInstance::parse)
            .toList();

    private AnonymousPaths() {
    }

    /**
     * Whether every path {@code mappingPattern} (a handler mapping's pattern) can match is on the list: it is an
     * entry, or it starts with the prefix of an entry ending in {@code /**}.
     */
    public static boolean covers(String mappingPattern) {
        return PATTERNS.stream().anyMatch(entry -> covers(entry, mappingPattern));
    }

    /** Whether a request's path (within the application) is on the list. */
    public static boolean matches(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PARSED.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static boolean covers(String entry, String mappingPattern) {
        if (entry.equals(mappingPattern)) {
            return true;
        }
        if (!entry.endsWith(ANY_BELOW)) {
            return false;
        }
        String base = entry.substring(0, entry.length() - ANY_BELOW.length());
        return mappingPattern.equals(base) || mappingPattern.startsWith(base + "/");
    }
}
