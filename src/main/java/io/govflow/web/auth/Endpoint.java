package io.govflow.web.auth;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Something that can answer a request (a handler, a functional route, a servlet, a filter) and what decides its
 * access; {@code decision} is null when nothing does.
 */
public record Endpoint(String description, @Nullable String decision) {

    static final String ANONYMOUS_PATH = "anonymous path";

    /** Decided by its own declaration, else by all of its paths being on {@link AnonymousPaths}. */
    static Endpoint of(String description, Access.@Nullable Level declared, Collection<String> paths) {
        if (declared != null) {
            return new Endpoint(description, "@Access(" + declared + ")");
        }
        boolean anonymous = !paths.isEmpty() && paths.stream().allMatch(AnonymousPaths::covers);
        return new Endpoint(description, anonymous ? ANONYMOUS_PATH : null);
    }

    boolean decided() {
        return decision != null;
    }
}
