package io.govflow;

import io.govflow.cli.CommandLineTools;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GovflowApplication {

    public static void main(String[] args) {
        if (CommandLineTools.handles(args)) {
            // a command's context is small and short-lived: warming up validation and the like in a background
            // thread would only cost CPU
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
            System.exit(CommandLineTools.run(args, System.out, System.err));
        }
        SpringApplication.run(GovflowApplication.class, args);
    }
}
