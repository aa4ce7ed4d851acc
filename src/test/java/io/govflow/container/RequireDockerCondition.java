package io.govflow.container;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Fails (rather than skips) container tests without a Docker daemon when {@code GOVFLOW_REQUIRE_DOCKER=true}. */
final class RequireDockerCondition implements ExecutionCondition {

    static final String REQUIRE_DOCKER = "GOVFLOW_REQUIRE_DOCKER";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"true".equalsIgnoreCase(System.getenv(REQUIRE_DOCKER))) {
            return ConditionEvaluationResult.enabled(REQUIRE_DOCKER + " is not true: Docker is optional");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker answers");
        }
        throw new ExtensionConfigurationException(REQUIRE_DOCKER
                + "=true but no Docker daemon answers: the container tests must run here, not be skipped");
    }
}
