package io.govflow.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean that keeps its data in the data directory: for the file store, and for the in-memory store (which keeps
 * only the agent stores in the heap); never for the PostgreSQL store.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${govflow.store.kind:file}' != 'postgres'")
public @interface OnDataDirectoryStore {
}
