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
            System.exit(CommandLineTools.run(args, System.out, System.err));
        }
        SpringApplication.run(GovflowApplication.class, args);
    }
}
