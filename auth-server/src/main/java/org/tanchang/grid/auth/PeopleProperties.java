package org.tanchang.grid.auth;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the people the suite manages itself ({@code tanchang.auth.people.*}): staff one-time passwords,
 * citizens' sign-up codes and the SMS adapter that sends them.
 *
 * @param mobileHashKey base64 of 32 bytes, the suite's personal-data hash key: citizens are found by this HMAC of
 *        their mobile number, the same the services compute
 * @param signUp limits of the sign-up codes
 * @param sms the provider-neutral HTTP SMS gateway (the local stack's SMS sink by default)
 */
@ConfigurationProperties("tanchang.auth.people")
public record PeopleProperties(String mobileHashKey, @DefaultValue SignUp signUp, @DefaultValue Sms sms) {

    /**
     * @param codeTtl how long a sign-up code can be used
     * @param maxAttempts wrong codes after which the code is void (a new one must be asked for)
     * @param maxCodesPerMobile codes sent to one number within {@code codeWindow}; more requests send nothing
     * @param codeWindow the window of that limit
     */
    public record SignUp(@DefaultValue("10m") Duration codeTtl, @DefaultValue("5") int maxAttempts,
            @DefaultValue("3") int maxCodesPerMobile, @DefaultValue("1h") Duration codeWindow) {
    }

    /**
     * @param url where the JSON {@code {"to","text","reference","sender"}} is POSTed; empty: no SMS is sent
     * @param apiKey bearer key of the gateway, if it wants one
     * @param sender the signature in 【】 at the start of every text
     * @param timeout connect and request timeout
     */
    public record Sms(URI url, String apiKey, @DefaultValue("宕昌网格") String sender,
            @DefaultValue("5s") Duration timeout) {
    }
}
