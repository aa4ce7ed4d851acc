package io.govflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of the file store's own files (their format, their place, damage planted in them): run on the file store
 * only, not again when the behavioural suites run on PostgreSQL ({@link StoreUnderTest}), where the same behaviour
 * is covered through the store interfaces or the database's own tests.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(FileStoreOnly.TAG)
public @interface FileStoreOnly {

    String TAG = "file-store-only";
}
