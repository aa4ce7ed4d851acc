package io.govflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GovflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovflowApplication.class, args);
    }
}
