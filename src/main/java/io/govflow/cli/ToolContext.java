package io.govflow.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import io.govflow.flow.recovery.StartupRecovery;

/**
 * The Spring context the commands run in: no web server, built from the server's own configuration classes and
 * {@code govflow.*} properties ({@code application.yaml}, environment variables, {@code --govflow.x=y} arguments),
 * so the commands honour the same lock timings and history window as the server. Only the beans a command asks
 * for are created (lazy initialization), and the server's start-up work ({@link StartupRecovery}: temp-file
 * sweep, migration, roll-forward) is left out, so a command does only what it says and a dry run writes nothing.
 *
 * <p>Deliberately not a {@code @Configuration}: the server's component scan must never pick it up.
 */
@ComponentScan(basePackages = { "io.govflow.config", "io.govflow.store", "io.govflow.flow" },
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = StartupRecovery.class))
@ConfigurationPropertiesScan({ "io.govflow.config", "io.govflow.flow" })
final class ToolContext {

    static final String LOGGING_CONFIG = "classpath:io/govflow/cli/logback-cli.xml";

    /**
     * Starts the context on {@code dataDir}.
     *
     * @param properties {@code --name=value} settings from the command line, as the server takes them
     */
    static ConfigurableApplicationContext start(Path dataDir, List<String> properties) {
        List<String> args = new ArrayList<>(properties);
        args.add("--govflow.data-dir=" + dataDir);
        if (properties.stream().noneMatch(p -> p.startsWith("--logging.config="))) {
            args.add("--logging.config=" + LOGGING_CONFIG);
        }
        return new SpringApplicationBuilder(ToolContext.class).web(WebApplicationType.NONE).lazyInitialization(true)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).registerShutdownHook(false)
                .run(args.toArray(String[]::new));
    }
}
