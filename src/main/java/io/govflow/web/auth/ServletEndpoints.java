package io.govflow.web.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The servlets and filters registered in the servlet container, whoever registered them. A servlet is decided by
 * {@link Access} on its class or by all of its URL mappings being anonymous paths; the application's own
 * dispatcher servlet by its handlers ({@link HandlerEndpoints}). A filter may answer a request before
 * authentication, so it must be declared {@code @Access(ANONYMOUS)}, or be one of the framework filters that never
 * answer ({@link #PASS_THROUGH}).
 */
final class ServletEndpoints {

    /**
     * Framework filters that answer no request themselves: Spring's request encoding, form body, request context and
     * observation filters, and Tomcat's WebSocket filter (it answers upgrades to registered WebSocket endpoints
     * only, and the service registers none). By name, so the list does not tie the code to one container.
     */
    static final List<String> PASS_THROUGH = List.of("org.springframework.web.filter.CharacterEncodingFilter",
            "org.springframework.web.filter.FormContentFilter", "org.springframework.web.filter.RequestContextFilter",
            "org.springframework.web.filter.ServerHttpObservationFilter",
            "org.apache.tomcat.websocket.server.WsFilter");

    private ServletEndpoints() {
    }

    /** Nothing when the application runs without a servlet container (command-line tools, tests of slices). */
    static List<Endpoint> of(ApplicationContext context) {
        ServletContext container = context instanceof WebApplicationContext web ? web.getServletContext() : null;
        if (container == null) {
            return List.of();
        }
        Map<String, Object> registered = registered(context);
        ClassLoader loader = context.getClassLoader();
        List<Endpoint> endpoints = new ArrayList<>();
        for (ServletRegistration servlet : container.getServletRegistrations().values()) {
            Object instance = registered.get(servlet.getName());
            if (instance instanceof DispatcherServlet dispatcher && dispatcher.getWebApplicationContext() == context) {
                endpoints.add(new Endpoint(describe(servlet), "dispatches to the handlers of this application"));
            } else {
                endpoints.add(servlet(servlet, type(instance, servlet.getClassName(), loader)));
            }
        }
        for (FilterRegistration filter : container.getFilterRegistrations().values()) {
            endpoints.add(filter(filter, type(registered.get(filter.getName()), filter.getClassName(), loader)));
        }
        return endpoints;
    }

    private static Endpoint servlet(ServletRegistration registration, @Nullable Class<?> type) {
        return type == null ? new Endpoint(describe(registration), null)
                : Endpoint.of(describe(registration), HandlerAccess.declared(type), paths(registration.getMappings()));
    }

    private static String describe(ServletRegistration registration) {
        return "servlet '" + registration.getName() + "' (" + registration.getClassName() + ") at "
                + registration.getMappings();
    }

    private static Endpoint filter(FilterRegistration registration, @Nullable Class<?> type) {
        String description = "filter '" + registration.getName() + "' ("
                + (type == null ? registration.getClassName() : type.getName()) + ")";
        if (type == null) {
            return new Endpoint(description, null);
        }
        Access.@Nullable Level declared = HandlerAccess.declared(type);
        if (declared == Access.Level.ANONYMOUS) {
            return new Endpoint(description, "@Access(ANONYMOUS): answers only before authentication");
        }
        if (declared != null) {
            return new Endpoint(description + " declares " + declared + ", but a filter runs before authentication",
                    null);
        }
        return new Endpoint(description, isPassThrough(type) ? "framework filter that answers no request" : null);
    }

    private static boolean isPassThrough(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (PASS_THROUGH.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Servlet URL patterns as path patterns; the default servlet ({@code /}) and extensions cannot be covered. */
    private static List<String> paths(Collection<String> urlMappings) {
        return urlMappings.stream().map(mapping -> mapping.endsWith("/*")
                ? mapping.substring(0, mapping.length() - 1) + "**" : mapping).toList();
    }

    /**
     * What stands behind the registrations Spring Boot made, by registered name: the servlet or filter itself, or
     * for a filter proxy the class of the bean it delegates to.
     */
    private static Map<String, Object> registered(ApplicationContext context) {
        Map<String, Object> registered = new HashMap<>();
        for (ServletContextInitializer initializer : new ServletContextInitializerBeans(context)) {
            if (initializer instanceof ServletRegistrationBean<?> servlet) {
                registered.put(servlet.getServletName(), servlet.getServlet());
            } else if (initializer instanceof DelegatingFilterProxyRegistrationBean proxy) {
                Class<?> target = targetType(proxy.getFilterName(), context);
                if (target != null) {
                    registered.put(proxy.getFilterName(), target);
                }
            } else if (initializer instanceof AbstractFilterRegistrationBean<?> filter) {
                registered.put(filter.getFilterName(), filter.getFilter());
            }
        }
        return registered;
    }

    private static @Nullable Class<?> targetType(String beanName, ApplicationContext context) {
        try {
            return context.getType(beanName);
        } catch (BeansException e) {
            return null;
        }
    }

    /** The class of a registered instance, else the registration's class loaded by name. */
    private static @Nullable Class<?> type(@Nullable Object registered, @Nullable String className,
            @Nullable ClassLoader loader) {
        if (registered instanceof Class<?> type) {
            return type;
        }
        if (registered != null) {
            return ClassUtils.getUserClass(registered);
        }
        if (className == null) {
            return null;
        }
        try {
            return ClassUtils.forName(className, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
