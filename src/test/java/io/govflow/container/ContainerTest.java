package io.govflow.container;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A test class that needs a Docker daemon: skipped without one, unless {@code GOVFLOW_REQUIRE_DOCKER=true}
 * (CI), where a missing daemon fails the class instead. Tagged {@code container}, so that the fast lane of the
 * development loop can leave it out.
 *
 * <p>The order matters: JUnit evaluates conditions in registration order and stops at the first that
 * disables, so {@link RequireDockerCondition} must come before the skip of {@link Testcontainers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("container")
@ExtendWith(RequireDockerCondition.class)
@Testcontainers(disabledWithoutDocker = true)
public @interface ContainerTest {
}
