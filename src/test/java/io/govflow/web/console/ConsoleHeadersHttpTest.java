package io.govflow.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's page and files are served from the jar without a credential, under a strict content security
 * policy that the page needs nothing beyond (no inline script, no style attributes, no foreign origin), with no
 * referrer, no caching and no type sniffing; nothing else of the class path is reachable through it.
 */
@GovflowApp(args = "--govflow.security.admin-token=console-headers-admin-token")
class ConsoleHeadersHttpTest {

    static ApiClient client;

    private static final Pattern SOURCE = Pattern.compile("\\s(?:src|href)=\"([^\"]*)\"");
    private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

    @ParameterizedTest
    @ValueSource(strings = { "/console", "/console/" })
    void thePageIsServedAnonymouslyUnderTheStrictPolicy(String path) {
        Reply page = client.get(path, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.raw()).contains("<title>Govflow console</title>");
        assertStrictHeaders(page);
    }

    @Test
    void everyScriptAndStylesheetIsServedUnderTheSamePolicyWithItsType() {
        for (String file : files()) {
            Reply asset = client.get("/console/" + file, null);
            assertThat(asset.status()).as(file).isEqualTo(200);
            String expected = file.endsWith(".js") ? "text/javascript" : "text/css";
            assertThat(asset.headers().firstValue("Content-Type")).as(file)
                    .hasValueSatisfying(type -> assertThat(type).startsWith(expected));
            assertStrictHeaders(asset);
        }
    }

    @Test
    void thePageNeedsNothingThePolicyForbids() {
        String page = client.get("/console", null).raw();

        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find()).as("inline script")
                .isFalse();
        assertThat(Pattern.compile("<style\\b|\\sstyle=", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("inline style").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(page).find())
                .as("inline event handler").isFalse();
        Matcher sources = SOURCE.matcher(page);
        int loaded = 0;
        while (sources.find()) {
            String source = sources.group(1);
            if (source.startsWith("data:") || source.startsWith("#")) {
                continue;
            }
            assertThat(source).as("from this server's console").startsWith("/console/");
            loaded++;
        }
        assertThat(loaded).isEqualTo(2);
    }

    @Test
    void theScriptsNeverTurnDataIntoMarkupOrCode() {
        for (String file : files()) {
            if (!file.endsWith(".js")) {
                continue;
            }
            String script = client.get("/console/" + file, null).raw();
            assertThat(script).as(file).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "eval(", "new Function", "localStorage", ".style.", "setAttribute('style'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/console/missing.js", "/console/application.yaml", "/console/index.html",
        "/console/..%2Fapplication.yaml", "/console/%2e%2e/static/console/console.js", "/console/console.js.map",
        "/console/Console.js", "/console/sub/console.js" })
    void nothingElseIsReachable(String path) {
        Reply reply = client.get(path, null);

        assertThat(reply.status()).as(path).isIn(400, 404);
        assertThat(reply.raw()).doesNotContain("spring:", "export ");
    }

    @Test
    void anUnknownFileIsTheStandardNotFoundEnvelope() {
        Reply reply = client.get("/console/missing.js", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("ROUTE_NOT_FOUND");
        assertStrictHeaders(reply);
    }

    /** The page's files and every module they import, found by following the page. */
    private static Set<String> files() {
        Set<String> found = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        Matcher sources = SOURCE.matcher(client.get("/console", null).raw());
        while (sources.find()) {
            if (sources.group(1).startsWith("/console/")) {
                pending.add(sources.group(1).substring("/console/".length()));
            }
        }
        while (!pending.isEmpty()) {
            String file = pending.poll();
            if (found.add(file) && file.endsWith(".js")) {
                Matcher imports = IMPORT.matcher(client.get("/console/" + file, null).raw());
                while (imports.find()) {
                    pending.add(imports.group(1));
                }
            }
        }
        assertThat(found).contains("console.js", "console.css", "api.js", "agent.js", "fleet.js", "chart.js");
        return found;
    }

    private static void assertStrictHeaders(Reply reply) {
        String policy = reply.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(directives(policy)).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "img-src 'self' blob: data:", "connect-src 'self'", "base-uri 'none'", "form-action 'none'",
                "frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:");
        assertThat(reply.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(reply.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(reply.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static List<String> directives(String policy) {
        return List.of(policy.split("\\s*;\\s*"));
    }
}
