package io.govflow.container;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips container tests with one clear line on the console when no Docker daemon answers, and fails them instead
 * when {@code GOVFLOW_REQUIRE_DOCKER=true} (CI).
 */
final class RequireDockerCondition implements ExecutionCondition {

    static final String REQUIRE_DOCKER = "GOVFLOW_REQUIRE_DOCKER";
    private static final String SKIPPED = "no Docker daemon answers: the container tests are skipped (set "
            + REQUIRE_DOCKER + "=true to make that a failure)";
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker answers");
        }
        if (!"true".equalsIgnoreCase(System.getenv(REQUIRE_DOCKER))) {
            if (SAID.compareAndSet(false, true)) {
                System.out.println(SKIPPED);
            }
            return ConditionEvaluationResult.disabled(SKIPPED);
        }
        throw new ExtensionConfigurationException(REQUIRE_DOCKER
                + "=true but no Docker daemon answers: the container tests must run here, not be skipped");
    }
}
