package io.govflow.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link FaultyFsync} into the application in place of the measured fsync. Add it with
 * {@link #ARGUMENT} or {@link GovflowApp#sources()}. Deliberately not a {@code @Configuration}: component
 * scanning of {@code io.govflow} must never pick it up for the other tests.
 */
public class FaultyFsyncSource {

    /** The command-line argument that adds this source to the application. */
    public static final String ARGUMENT = "--spring.main.sources=" + FaultyFsyncSource.class.getName();

    @Bean
    @Primary
    FaultyFsync faultyFsync() {
        return new FaultyFsync();
    }
}
