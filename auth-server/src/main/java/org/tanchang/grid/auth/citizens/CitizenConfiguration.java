package org.tanchang.grid.auth.citizens;

import org.tanchang.grid.platform.sms.HttpSmsGateway;
import org.tanchang.grid.platform.sms.SmsGateway;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.auth.PeopleProperties;
import org.tanchang.grid.auth.users.MobileLogin;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class CitizenConfiguration {

    @Bean
    MobileLogin mobileLogin(PeopleProperties properties) {
        return new MobileLogin(properties.mobileHashKey());
    }

    /** The HTTP adapter when a URL is set; without one sign-up codes go nowhere (logged, never the code). */
    @Bean
    SmsGateway smsGateway(PeopleProperties properties, JsonMapper json) {
        if (properties.sms().url() == null || properties.sms().url().toString().isBlank()) {
            return (mobile, text, reference) -> LoggerFactory.getLogger(SmsGateway.class)
                    .warn("no SMS gateway configured (tanchang.auth.people.sms.url); text {} not sent", reference);
        }
        PeopleProperties.Sms sms = properties.sms();
        return new HttpSmsGateway(sms.url(), sms.apiKey(), sms.sender(), json, sms.timeout());
    }
}
