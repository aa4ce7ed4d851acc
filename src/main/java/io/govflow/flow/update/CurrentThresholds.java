package io.govflow.flow.update;

import io.govflow.engine.Thresholds;
import org.springframework.stereotype.Component;

/** The decision thresholds in force. */
@Component
public class CurrentThresholds {

    public Thresholds current() {
        return Thresholds.DEFAULTS;
    }
}
