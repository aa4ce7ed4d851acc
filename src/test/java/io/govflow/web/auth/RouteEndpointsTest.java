package io.govflow.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** Every route of a router, nested ones included, is decided by its handler's level only. */
class RouteEndpointsTest {

    private static final HandlerFunction<ServerResponse> OK = request -> ServerResponse.ok().build();

    @Test
    void eachRouteIsListedWithItsNestingAndOnlyLevelledHandlersAreDecided() {
        RouterFunction<ServerResponse> router = RouterFunctions.route()
                .path("/api/v1/reports", reports -> reports
                        .GET("/daily", AccessHandlerFunction.of(Access.Level.ADMIN, OK))
                        .GET("/weekly", OK))
                .GET("/api/v1/ping", AccessHandlerFunction.of(Access.Level.ANONYMOUS, OK))
                .build()
                .and(RouterFunctions.resources("/files/**", new ClassPathResource("fixtures/")));

        List<Endpoint> endpoints = RouteEndpoints.of(router);

        assertThat(endpoints).hasSize(4);
        assertThat(endpoints.get(0).description()).contains("/api/v1/reports").contains("/daily");
        assertThat(endpoints.get(0).decision()).isEqualTo("@Access(ADMIN)");
        assertThat(endpoints.get(1).description()).contains("/api/v1/reports").contains("/weekly");
        assertThat(endpoints.get(1).decided()).isFalse();
        assertThat(endpoints.get(2).decision()).isEqualTo("@Access(ANONYMOUS)");
        assertThat(endpoints.get(3).description()).startsWith("functional resource route");
        assertThat(endpoints.get(3).decided()).isFalse();
    }
}
