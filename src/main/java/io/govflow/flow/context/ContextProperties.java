package io.govflow.flow.context;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code govflow.context.*}: the byte budget of a document's data block {@code d} (trimmed deterministically
 * beyond it) and of a summary {@code s}.
 */
@ConfigurationProperties("govflow.context")
public record ContextProperties(@DefaultValue("256KB") DataSize dataBudget,
        @DefaultValue("4KB") DataSize summaryBudget) {
}
