package io.govflow.web.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * What a successful answer of an endpoint carries besides its body, rendered into its OpenAPI responses by
 * {@link ResponseContract}. A single success status comes from the handler's {@code @ResponseStatus} (200 without
 * one); {@link #statuses()} is for handlers whose status depends on the outcome.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiSuccess {

    /** Every success status the handler answers with, same body; empty: the one of {@code @ResponseStatus}. */
    HttpStatus[] statuses() default {};

    /** Headers every successful answer carries (X-Request-Id is on every answer and not listed here). */
    ResponseHeader[] headers() default {};
}
