package io.govflow.web.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The credential an endpoint needs. Every endpoint has one, or is on {@link AnonymousPaths}: the application does
 * not start otherwise ({@link AccessAudit}), and a request reaching a handler without one is refused
 * ({@link AuthInterceptor}). Checked by {@link AuthInterceptor} before the body is bound, so an unauthenticated
 * request with a bad body gets 401, not 400.
 *
 * <p>Goes on each controller handler method (a controller class's annotation is not read). On the class of any
 * other handler bean, servlet or filter it is that endpoint's decision; filters answer before authentication,
 * so for a filter only {@link Level#ANONYMOUS} is accepted. Functional routes use {@link AccessHandlerFunction}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Access {

    Level value();

    /** Levels of access. */
    enum Level {
        /** No credential (health, docs). */
        ANONYMOUS,
        /** Registration: anonymous while {@code govflow.security.open-registration} is on, else the admin token. */
        REGISTRATION,
        /** Any valid agent key or the admin token. */
        ANY_CREDENTIAL,
        /** The key of the agent named by the {@code id} path variable. */
        AGENT_KEY,
        /** The key of the agent named by {@code id}, or the admin token. */
        AGENT_KEY_OR_ADMIN,
        /**
         * Private documents of the agent named by {@code id} (context): its key or the admin token; another agent's
         * valid key is answered as {@code CONTEXT_NOT_FOUND}, so tenants cannot even probe each other.
         */
        TENANT_OR_ADMIN,
        /** The admin token only. */
        ADMIN
    }
}
