package org.tanchang.grid.mediation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MediationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MediationServiceApplication.class, args);
    }
}
