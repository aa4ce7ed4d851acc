package io.govflow.flow.update;

import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.UpdateLogEntry;

/**
 * The last guard before the commit point: an update whose engine result is not finite everywhere is refused as
 * {@code VALIDATION_FAILED} naming the input that drives the dynamics, so that no NaN or infinity reaches the log,
 * the state or an answer. The request bounds are meant to make this unreachable; it stays as the safety net.
 */
final class FiniteResults {

    private FiniteResults() {
    }

    static void require(UpdateLogEntry entry) {
        boolean finite = DoubleStream.of(entry.E(), entry.I(), entry.S(), entry.V(), entry.coherence(),
                entry.attentionScore(), entry.lambda1(), entry.lambda1After(), entry.phi(), entry.confidence(),
                entry.complexity(), entry.eta1(), entry.C1(), entry.piIntegral(), entry.time())
                .allMatch(Double::isFinite);
        if (!finite) {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields", List.of(Map.of(
                    "field", "ethical_drift",
                    "problem", "the update would take the governance state out of finite numbers; nothing was "
                            + "written"))));
        }
    }
}
