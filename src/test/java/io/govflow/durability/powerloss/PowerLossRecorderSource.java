package io.govflow.durability.powerloss;

import io.govflow.config.GovflowProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link PowerLossRecorder} into the application in place of the measured fsync. Add it with
 * {@link #ARGUMENT}. Deliberately not a {@code @Configuration}: component scanning must never pick it up.
 */
public class PowerLossRecorderSource {

    public static final String ARGUMENT = "--spring.main.sources=" + PowerLossRecorderSource.class.getName();

    @Bean
    @Primary
    PowerLossRecorder powerLossRecorder(GovflowProperties properties) {
        return new PowerLossRecorder(properties.dataDir());
    }
}
