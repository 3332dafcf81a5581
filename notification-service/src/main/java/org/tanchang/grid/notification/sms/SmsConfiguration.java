package org.tanchang.grid.notification.sms;

import org.tanchang.grid.platform.sms.HttpSmsGateway;
import org.tanchang.grid.platform.sms.SmsGateway;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP gateway when {@code tanchang.notification.sms.url} is set; another {@link SmsGateway} bean replaces it. */
@Configuration
class SmsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnExpression("'${tanchang.notification.sms.url:}' != ''")
    SmsGateway httpSmsGateway(@Value("${tanchang.notification.sms.url}") URI url,
            @Value("${tanchang.notification.sms.api-key:}") String apiKey,
            @Value("${tanchang.notification.sms.sender}") String sender,
            @Value("${tanchang.notification.sms.timeout}") Duration timeout, JsonMapper json) {
        return new HttpSmsGateway(url, apiKey, sender, json, timeout);
    }
}
