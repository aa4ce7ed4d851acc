package io.govflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A long harness, tagged {@code harness} so that the fast lane of the development loop can leave it out while
 * the full build still runs it. It belongs on the crash rounds, simulated power loss, the two-process and
 * two-instance runs, fuzzing, the golden vectors replayed over HTTP, and any other test class whose run takes
 * more than about 20 seconds. Container tests carry their own tag, {@code container} ({@code ContainerTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("harness")
public @interface LongHarness {
}
