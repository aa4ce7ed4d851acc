package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;

/**
 * Every answer tells caches not to keep it and browsers not to guess its type (successes that carry a key,
 * errors, and requests Tomcat refuses before any filter), and Swagger UI is served under a content security policy
 * that still allows everything its page loads.
 */
@GovflowApp(args = "--govflow.security.admin-token=" + ResponseHeadersTest.ADMIN)
class ResponseHeadersTest {

    static final String ADMIN = "response-headers-admin-token";

    static ApiClient client;
    static RunningApp app;

    @Test
    void aSuccessCarryingAKeyIsNeitherCachedNorSniffed() {
        Reply reply = client.post("/api/v1/agents", null, Map.of("agent_id", "header_agent"));

        assertThat(reply.status()).isEqualTo(201);
        assertHardened(reply.headers().firstValue("Cache-Control").orElse(null),
                reply.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    @Test
    void errorEnvelopesAreNeitherCachedNorSniffed() {
        for (Reply reply : List.of(client.get("/api/v1/agents", null), client.get("/api/v1/no-such-route", ADMIN),
                client.get("/api/v1/agents/header_missing", ADMIN))) {
            assertThat(reply.status()).isGreaterThanOrEqualTo(400);
            assertHardened(reply.headers().firstValue("Cache-Control").orElse(null),
                    reply.headers().firstValue("X-Content-Type-Options").orElse(null));
        }
    }

    @Test
    void aRequestTomcatRefusesBeforeAnyFilterIsHardenedToo() {
        Raw.Answer answer = Raw.send(app.port(), "GET /api/v1/agents/a%2Fb HTTP/1.1", new String[0], null);

        assertThat(answer.status()).isEqualTo(400);
        assertHardened(answer.header("Cache-Control"), answer.header("X-Content-Type-Options"));
    }

    @Test
    void swaggerUiHasAPolicyThatAllowsWhatItsPageLoads() {
        Reply page = client.get("/swagger-ui/index.html", null);
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");

        assertThat(page.status()).isEqualTo(200);
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'").doesNotContain("'unsafe-eval'");
        assertThat(directive(policy, "script-src")).doesNotContain("'unsafe-inline'");
        // no inline script the policy would block, and every script and stylesheet comes from this server
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>\\s*\\S").matcher(page.raw()).find()).isFalse();
        Matcher sources = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.raw());
        int loaded = 0;
        while (sources.find()) {
            String source = sources.group(1);
            assertThat(source).as("loaded from this origin").doesNotContain("://").doesNotStartWith("//");
            assertThat(client.get("/swagger-ui/" + source.replaceFirst("^\\./", ""), null).status())
                    .as(source).isEqualTo(200);
            loaded++;
        }
        assertThat(loaded).isGreaterThanOrEqualTo(3);
        Reply initializer = client.get("/swagger-ui/swagger-initializer.js", null);
        assertThat(initializer.raw()).contains("/v3/api-docs");
        assertHardened(page.headers().firstValue("Cache-Control").orElse(null),
                page.headers().firstValue("X-Content-Type-Options").orElse(null));
    }

    private static String directive(String policy, String name) {
        for (String part : policy.split(";")) {
            if (part.strip().startsWith(name + " ")) {
                return part.strip();
            }
        }
        return "";
    }

    private static void assertHardened(String cacheControl, String contentTypeOptions) {
        assertThat(cacheControl).isEqualTo("no-store");
        assertThat(contentTypeOptions).isEqualTo("nosniff");
    }
}
