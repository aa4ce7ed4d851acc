package io.govflow.web.limit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The quota a handler method counts against instead of {@link Quota#REQUESTS} (which every other authenticated
 * handler counts against). Checked by {@link RateLimitInterceptor} after authentication.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    Quota value();
}
