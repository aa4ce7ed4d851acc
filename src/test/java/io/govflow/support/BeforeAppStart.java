package io.govflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A static method of a {@link GovflowApp} class run once its data directory exists (fixture copied) and before
 * the application starts, for what must be seen or prepared before start-up. It may take the data directory as
 * its one {@code Path} parameter.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BeforeAppStart {
}
