package org.tanchang.grid.petition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling   // the deadline sweep
public class PetitionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PetitionServiceApplication.class, args);
    }
}
