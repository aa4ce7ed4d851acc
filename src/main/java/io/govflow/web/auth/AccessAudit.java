package io.govflow.web.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Fails start-up, before the server listens, when any endpoint has no access decision: a handler method,
 * functional route, handler bean, servlet or filter that is neither declared ({@link Access},
 * {@link AccessHandlerFunction}) nor on {@link AnonymousPaths}. Authorization fails closed: nothing is served
 * because someone forgot an annotation.
 */
@Component
public class AccessAudit implements SmartInitializingSingleton {

    private final ApplicationContext context;
    private List<Endpoint> endpoints = List.of();

    public AccessAudit(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<Endpoint> all = new ArrayList<>(HandlerEndpoints.of(context));
        all.addAll(ServletEndpoints.of(context));
        List<Endpoint> undecided = all.stream().filter(endpoint -> !endpoint.decided()).toList();
        if (!undecided.isEmpty()) {
            throw new IllegalStateException(message(undecided));
        }
        endpoints = List.copyOf(all);
    }

    /** Every endpoint found at start-up, each with its decision. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    private static String message(List<Endpoint> undecided) {
        return undecided.stream().map(endpoint -> "  - " + endpoint.description()).collect(Collectors.joining("\n",
                "Endpoints without an access decision. Annotate each with @" + Access.class.getName()
                        + " (a functional route's handler with " + AccessHandlerFunction.class.getSimpleName()
                        + "), or, for an endpoint of a framework that must be public, add its path to "
                        + AnonymousPaths.class.getName() + ":\n", ""));
    }
}
