package io.govflow.web.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.govflow.error.ErrorCode;

/**
 * The error codes an endpoint can answer with besides the ones it shares with every endpoint of its kind
 * ({@link SharedErrors}); rendered into its OpenAPI responses.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrors {

    /** The endpoint's own codes. */
    ErrorCode[] value() default {};

    /** The endpoint writes to the store: it shares the codes of every write ({@link SharedErrors#WRITES}). */
    boolean writes() default false;
}
