package io.govflow.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A mapping is anonymous only when every path it can match is on the list. */
class AnonymousPathsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/health/**", "/v3/api-docs",
            "/v3/api-docs/swagger-config", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/*index.html",
            "/error" })
    void frameworkMappingsAreCovered(String mappingPattern) {
        assertThat(AnonymousPaths.covers(mappingPattern)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/**", "/*", "/api/v1/agents", "/actuator-extra", "/actuatorx/health",
            "/v3/api-docs.json", "/swagger-ui.htm", "/error/{x}", "/errors", "/{path}", "/webjars/**", "" })
    void anythingElseIsNot(String mappingPattern) {
        assertThat(AnonymousPaths.covers(mappingPattern)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs.yaml",
            "/swagger-ui/index.html", "/swagger-ui.html", "/error" })
    void requestPathsOnTheListMatch(String path) {
        assertThat(AnonymousPaths.matches(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/v1/agents", "/api/v1/actuator/health", "/errors", "/swagger-ui.htmlx",
            "/index.html" })
    void otherRequestPathsDoNot(String path) {
        assertThat(AnonymousPaths.matches(path)).isFalse();
    }
}
