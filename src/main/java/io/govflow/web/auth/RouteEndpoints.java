package io.govflow.web.auth;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The routes of a {@link RouterFunction}: each is decided by an {@link AccessHandlerFunction}. Resource routes and
 * routers that cannot be visited have no decision (static files go on a resource handler under an anonymous
 * path instead).
 */
final class RouteEndpoints implements RouterFunctions.Visitor {

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Deque<RequestPredicate> nesting = new ArrayDeque<>();

    private RouteEndpoints() {
    }

    static List<Endpoint> of(RouterFunction<?> router) {
        RouteEndpoints visitor = new RouteEndpoints();
        router.accept(visitor);
        return visitor.endpoints;
    }

    @Override
    public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
        Access.@Nullable Level level = handler instanceof AccessHandlerFunction<?> route ? route.level() : null;
        endpoints.add(Endpoint.of("functional route " + describe(predicate), level, List.of()));
    }

    @Override
    public void resources(Function<ServerRequest, Optional<Resource>> lookup) {
        endpoints.add(new Endpoint("functional resource route " + lookup, null));
    }

    @Override
    public void unknown(RouterFunction<?> router) {
        endpoints.add(new Endpoint("functional router " + router + " that cannot be visited", null));
    }

    @Override
    public void startNested(RequestPredicate predicate) {
        nesting.addLast(predicate);
    }

    @Override
    public void endNested(RequestPredicate predicate) {
        nesting.removeLast();
    }

    private String describe(RequestPredicate predicate) {
        StringBuilder out = new StringBuilder();
        nesting.forEach(outer -> out.append(outer).append(" -> "));
        return out.append(predicate).toString();
    }

    @Override
    public void attributes(Map<String, Object> attributes) {
        // route attributes do not decide access: Spring MVC does not hand them to interceptors
    }
}
