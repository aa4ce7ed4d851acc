package io.govflow.support;

import java.util.ArrayList;
import java.util.List;

import io.govflow.support.ApiClient.Reply;
import org.jspecify.annotations.Nullable;

/**
 * Every answer of every HTTP test to a documented operation (a path and method of the OpenAPI document) is
 * checked against the document ({@link OpenApiContract}): its status is documented, its required headers are
 * sent, its body fits the schema. What does not fit is recorded here, and {@link SuiteOutputCapture} fails the
 * test class in which it was recorded. Routes the document does not list (unknown paths, other methods, test
 * handlers) are the service's global answers and are not checked here.
 *
 * <p>The document is fetched once per JVM from the first service a test talks to: it does not depend on the
 * settings the tests vary, except request-only limits, which answers never meet.
 */
final class ContractLedger {

    private static final Object LOCK = new Object();
    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static @Nullable OpenApiContract contract;

    private ContractLedger() {
    }

    static void inspect(ApiClient client, String method, String path, Reply reply) {
        if (!path.startsWith("/api/")) {
            return;
        }
        OpenApiContract document = document(client);
        if (document == null || document.operationId(method, path) == null) {
            return;
        }
        List<String> found = document.violations(method, path, reply);
        if (!found.isEmpty()) {
            synchronized (VIOLATIONS) {
                VIOLATIONS.addAll(found);
            }
        }
    }

    /** The document, or null while no service has served it (one that does not answer is asked again later). */
    private static @Nullable OpenApiContract document(ApiClient client) {
        synchronized (LOCK) {
            if (contract == null) {
                try {
                    contract = OpenApiContract.of(client);
                } catch (AssertionError | RuntimeException unavailable) {
                    return null;
                }
            }
            return contract;
        }
    }

    /** Violations recorded since the last call, cleared by this call. */
    static List<String> drainViolations() {
        synchronized (VIOLATIONS) {
            List<String> out = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
            return out;
        }
    }
}
