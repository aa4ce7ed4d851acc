package io.govflow.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The real application: every endpoint it has at start-up carries an access decision, the anonymous paths answer
 * without a credential, and a handler that appears later without a decision is refused.
 */
class AccessDecisionsHttpTest {

    private static final String ADMIN = "access-admin-token";

    @TempDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN);
        client = app.client();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyEndpointHasADecisionAndEveryControllerMethodDeclaresOne() {
        List<Endpoint> endpoints = app.bean(AccessAudit.class).endpoints();

        assertThat(endpoints).allSatisfy(endpoint -> assertThat(endpoint.decision()).as(endpoint.description())
                .isNotNull());
        assertThat(endpoints).filteredOn(e -> e.description().startsWith("handler method io.govflow.")
                && !e.description().contains("EnvelopeErrorController"))
                .hasSizeGreaterThan(40)
                .allSatisfy(endpoint -> assertThat(endpoint.decision()).startsWith("@Access("));
        assertThat(decisionOf(endpoints, "AgentController#register(")).isEqualTo("@Access(REGISTRATION)");
        assertThat(decisionOf(endpoints, "ThresholdsController#put(")).isEqualTo("@Access(ADMIN)");
        assertThat(decisionOf(endpoints, "Actuator web endpoint 'health'")).isEqualTo(Endpoint.ANONYMOUS_PATH);
        assertThat(decisionOf(endpoints, "OpenApiWebMvcResource#openapiJson(")).isEqualTo(Endpoint.ANONYMOUS_PATH);
        assertThat(decisionOf(endpoints, "EnvelopeErrorController#error(")).isEqualTo(Endpoint.ANONYMOUS_PATH);
        assertThat(decisionOf(endpoints, "servlet 'dispatcherServlet'")).startsWith("dispatches");
        assertThat(decisionOf(endpoints, "RequestBodyLimitFilter")).startsWith("@Access(ANONYMOUS)");
        assertThat(decisionOf(endpoints, "OrderedCharacterEncodingFilter")).startsWith("framework filter");
    }

    @Test
    void anonymousPathsAnswerWithoutACredential() {
        assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(client.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(client.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        Reply options = client.send("OPTIONS", "/api/v1/agents", null, null, Map.of());
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("GET", "POST"));
    }

    @Test
    void thereAreNoStaticFilesOfOurOwn() {
        for (String path : List.of("/index.html", "/webjars/swagger-ui/5/index.html", "/application.yaml")) {
            Reply reply = client.get(path, ADMIN);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body().get("error_code").asString()).isEqualTo("ROUTE_NOT_FOUND");
        }
    }

    @Test
    void aHandlerAddedLaterWithoutADecisionIsRefused() throws Exception {
        register("/api/v1/late/undecided", "undecided");
        register("/api/v1/late/admin", "admin");
        register("/v3/api-docs/late", "undecided");

        Reply refused = client.get("/api/v1/late/undecided", ADMIN);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("FORBIDDEN");
        assertThat(client.get("/api/v1/late/admin", null).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/late/admin", ADMIN).raw()).isEqualTo("admin");
        assertThat(client.get("/v3/api-docs/late", null).raw()).isEqualTo("undecided");
    }

    private static void register(String path, String methodName) throws NoSuchMethodException {
        RequestMappingHandlerMapping mapping = app.bean(DispatcherServlet.class).getWebApplicationContext()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Method method = LateHandlers.class.getDeclaredMethod(methodName);
        RequestMappingInfo info = RequestMappingInfo.paths(path).methods(RequestMethod.GET)
                .options(mapping.getBuilderConfiguration()).build();
        mapping.registerMapping(info, new LateHandlers(), method);
    }

    private static String decisionOf(List<Endpoint> endpoints, String described) {
        return endpoints.stream().filter(e -> e.description().contains(described)).findFirst()
                .map(Endpoint::decision).orElseThrow(() -> new AssertionError("no endpoint " + described));
    }

    /** Handlers mapped after start-up, as a library registering mappings at run time would. */
    static class LateHandlers {

        @ResponseBody
        public String undecided() {
            return "undecided";
        }

        @Access(Access.Level.ADMIN)
        @ResponseBody
        public String admin() {
            return "admin";
        }
    }
}
