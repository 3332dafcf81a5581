package org.tanchang.grid.platform.commendation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.platform.personaldata.PersonalData;

/** The commendation helper every service with matters shares. */
@Configuration(proxyBeanMethods = false)
public class CommendationConfiguration {

    @Bean
    Commendations commendations(PersonalData personalData) {
        return new Commendations(personalData);
    }
}
