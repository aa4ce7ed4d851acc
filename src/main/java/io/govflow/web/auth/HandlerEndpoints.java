package io.govflow.web.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Every handler the dispatcher can reach, read from its handler mappings: controller methods and actuator
 * operations (method mappings), static resources and bean-name handlers (URL mappings), functional routes. A
 * mapping of another kind cannot be listed and counts as undecided.
 */
final class HandlerEndpoints {

    private HandlerEndpoints() {
    }

    static List<Endpoint> of(ListableBeanFactory beans) {
        List<Endpoint> endpoints = new ArrayList<>();
        BeanFactoryUtils.beansOfTypeIncludingAncestors(beans, HandlerMapping.class, true, false)
                .forEach((name, mapping) -> endpoints.addAll(of(name, mapping, beans)));
        return endpoints;
    }

    private static List<Endpoint> of(String name, HandlerMapping mapping, ListableBeanFactory beans) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
            methods.getHandlerMethods().forEach((info, method) -> endpoints.add(Endpoint.of("handler method "
                    + method + " at " + patterns(info), HandlerAccess.declared(method), patterns(info))));
        } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
            urls.getHandlerMap().forEach((pattern, handler) -> endpoints.add(url(pattern, handler, beans)));
            Object root = urls.getRootHandler();
            if (root != null) {
                endpoints.add(url("/", root, beans));
            }
        } else if (mapping instanceof RouterFunctionMapping routes) {
            RouterFunction<?> router = routes.getRouterFunction();
            if (router != null) {
                endpoints.addAll(RouteEndpoints.of(router));
            }
        } else {
            endpoints.add(new Endpoint("handler mapping '" + name + "' (" + mapping.getClass().getName()
                    + ") whose handlers cannot be listed", null));
        }
        Object fallback = mapping instanceof AbstractHandlerMapping any ? any.getDefaultHandler() : null;
        if (fallback != null) {
            endpoints.add(Endpoint.of("default handler " + fallback + " of handler mapping '" + name + "'",
                    declared(fallback, beans), List.of()));
        }
        return endpoints;
    }

    private static Endpoint url(String pattern, Object handler, ListableBeanFactory beans) {
        return Endpoint.of("handler " + handler + " at " + pattern, declared(handler, beans), List.of(pattern));
    }

    /** A URL mapping may hold a lazy handler's bean name instead of the handler. */
    private static Access.@Nullable Level declared(Object handler, ListableBeanFactory beans) {
        if (handler instanceof String beanName) {
            Class<?> type = beans.getType(beanName);
            return type == null ? null : HandlerAccess.declared(type);
        }
        return HandlerAccess.declared(handler);
    }

    private static Set<String> patterns(Object mappingInfo) {
        return mappingInfo instanceof RequestMappingInfo info ? info.getPatternValues() : Set.of();
    }
}
