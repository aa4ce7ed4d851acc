package io.govflow.web.config;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;

/**
 * Parser limits for request bodies: shallow nesting, short numbers (so {@code 1e999999} or a 10 000-digit
 * integer fails fast as MALFORMED_JSON) and strings no longer than the body limit allows anyway; a name that
 * appears twice in one object is MALFORMED_JSON too (otherwise the last one would silently win).
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimitsConfiguration {

    static final int MAX_NESTING = 64;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;

    @Bean
    JsonFactoryBuilderCustomizer streamReadLimits() {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
