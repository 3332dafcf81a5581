package org.tanchang.grid.petition;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PetitionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PetitionServiceApplication.class, args);
    }
}
