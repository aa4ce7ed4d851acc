package io.govflow.flow.update;

import org.springframework.beans.factory.ObjectProvider;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The application's meter registry, or one of its own where there is none (the command-line tools' context). */
final class MeterRegistries {

    private MeterRegistries() {
    }

    static MeterRegistry orDetached(ObjectProvider<MeterRegistry> registry) {
        return registry.getIfAvailable(SimpleMeterRegistry::new);
    }
}
