package io.govflow.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.govflow.GovflowApplication;
import io.govflow.support.ApiClient;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The real application with one extra endpoint of each kind: without an access decision it does not start, and
 * the message names the endpoint. Each extra endpoint is a source of its own application only (and also needs
 * {@value #FIXTURE} set to its name, so no other test's application could pick it up).
 */
class AccessStartupTest {

    static final String FIXTURE = "access-test.fixture";

    @TempDir
    Path dataDir;

    static Stream<Arguments> undecidedEndpoints() {
        return Stream.of(
                Arguments.of(UnannotatedController.class,
                        "handler method io.govflow.web.auth.AccessStartupTest$UnannotatedController#hello()"),
                Arguments.of(UnannotatedRoute.class, "functional route (GET && /api/v1/fixture/route)"),
                Arguments.of(UnannotatedServlet.class, "servlet 'fixtureServlet'"),
                Arguments.of(AnsweringFilter.class, "filter 'fixtureFilter'"),
                Arguments.of(StaticFiles.class, "at /files/**"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("undecidedEndpoints")
    void anEndpointWithoutAnAccessDecisionStopsStartUp(Class<?> fixture, String named) {
        assertThatThrownBy(() -> start(fixture).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Endpoints without an access decision")
                .hasMessageContaining(named)
                .hasMessageContaining(AnonymousPaths.class.getName());
    }

    @Test
    void aFunctionalRouteWithItsLevelStartsAndIsEnforced() {
        try (ConfigurableApplicationContext app = start(GuardedRoute.class)) {
            ApiClient client = new ApiClient("http://127.0.0.1:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort());
            String key = client.register("route_owner");
            String other = client.register("route_other");
            String path = "/api/v1/fixture/guarded/route_owner";

            assertThat(app.getBean(AccessAudit.class).endpoints()).anySatisfy(endpoint -> {
                assertThat(endpoint.description()).startsWith("functional route").contains("/api/v1/fixture/guarded");
                assertThat(endpoint.decision()).isEqualTo("@Access(AGENT_KEY)");
            });
            assertThat(client.get(path, null).status()).isEqualTo(401);
            assertThat(client.get(path, other).body().get("error_code").asString())
                    .isEqualTo("AUTHENTICATION_FAILED");
            assertThat(client.get(path, key).raw()).isEqualTo("guarded route_owner");
        }
    }

    private ConfigurableApplicationContext start(Class<?> fixture) {
        return new SpringApplication(GovflowApplication.class, fixture).run("--server.port=0",
                "--govflow.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--" + FIXTURE + "=" + fixture.getSimpleName());
    }

    @RestController
    @ConditionalOnProperty(name = FIXTURE, havingValue = "UnannotatedController")
    static class UnannotatedController {

        @GetMapping("/api/v1/fixture/unannotated")
        String hello() {
            return "hello";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FIXTURE, havingValue = "UnannotatedRoute")
    static class UnannotatedRoute {

        @Bean
        RouterFunction<ServerResponse> fixtureRoute() {
            return RouterFunctions.route().GET("/api/v1/fixture/route", request -> ServerResponse.ok().body("route"))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FIXTURE, havingValue = "GuardedRoute")
    static class GuardedRoute {

        @Bean
        RouterFunction<ServerResponse> guardedRoute() {
            return RouterFunctions.route().GET("/api/v1/fixture/guarded/{id}", AccessHandlerFunction.of(
                    Access.Level.AGENT_KEY, request -> ServerResponse.ok().body("guarded " + request.pathVariable("id"))))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FIXTURE, havingValue = "UnannotatedServlet")
    static class UnannotatedServlet {

        @Bean
        ServletRegistrationBean<HttpServlet> fixtureServlet() {
            return new ServletRegistrationBean<>(new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().write("servlet");
                }
            }, "/fixture-servlet/*");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FIXTURE, havingValue = "AnsweringFilter")
    static class AnsweringFilter {

        @Bean
        FilterRegistrationBean<Filter> fixtureFilter() {
            return new FilterRegistrationBean<>((request, response, chain) -> response.getWriter().write("filter"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = FIXTURE, havingValue = "StaticFiles")
    static class StaticFiles implements WebMvcConfigurer {

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/files/**").addResourceLocations("classpath:/fixtures/");
        }
    }
}
