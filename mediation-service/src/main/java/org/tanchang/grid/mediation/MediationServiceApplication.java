package org.tanchang.grid.mediation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling   // the sweeps for overdue visits and escalation by time
public class MediationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MediationServiceApplication.class, args);
    }
}
