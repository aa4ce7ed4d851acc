package io.govflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the real application once for the annotated test class, on a fresh data directory, and stops it after
 * the class (after its {@code @AfterAll} methods), then deletes the directory.
 *
 * <p>The extension fills every non-final field of type {@link RunningApp} or {@link ApiClient} (one client for
 * the class) and every {@link DataDir} {@code Path} field: static fields before the class's {@code @BeforeAll}
 * methods run, instance fields on each test instance. Test, lifecycle and constructor parameters of those types
 * are resolved the same way. {@code @Nested} classes share the application of the class that encloses them.
 *
 * <p>The data directory is {@code data} inside a temp directory of its own, which a class may use for files
 * beside it (its parent). Static {@link BeforeAppStart} methods run once the directory exists and before the
 * application starts.
 *
 * <p>A class whose tests each need a different configuration, or several applications at once, starts them
 * with {@link RunningApp#start} in try-with-resources instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(GovflowAppExtension.class)
public @interface GovflowApp {

    /** Extra command-line arguments of the application, after the defaults of {@link RunningApp}. */
    String[] args() default {};

    /**
     * Extra configuration classes of the application ({@code spring.main.sources}), such as the test doubles
     * of {@link FaultyFsyncSource}; they come before {@link #args()}.
     */
    Class<?>[] sources() default {};

    /**
     * A fixture of {@code src/test/resources/fixtures} copied as the data directory before the application
     * starts; an empty data directory when blank.
     */
    String fixture() default "";
}
