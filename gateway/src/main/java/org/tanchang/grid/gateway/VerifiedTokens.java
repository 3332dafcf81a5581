package org.tanchang.grid.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature and issuer the gateway has verified, so a client's next request with the same token
 * is not parsed and RSA-verified again (a JWT decode per request was the largest single cost of an authenticated call
 * in issue 17's profile). Each reuse checks the token's expiry and not-before again, so an expired token is refused as
 * before; a token is forgotten after {@code tanchang.gateway.verified-tokens.ttl}. What is remembered is exactly the
 * string that was verified, so no other token can pass through it. Boot's decoder (JWKS, issuer, algorithms) stays
 * as configured: this wraps it.
 */
@Configuration(proxyBeanMethods = false)
class VerifiedTokens {

    @Bean
    static BeanPostProcessor rememberVerifiedTokens(ObjectProvider<GatewayProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof Remembering)) {
                    GatewayProperties.VerifiedTokens settings = properties.getObject().verifiedTokens();
                    return settings.maxTokens() > 0 ? new Remembering(decoder, settings) : decoder;
                }
                return bean;
            }
        };
    }

    /** The decoder with a memory of verified tokens; only successes are kept, every failure is the decoder's. */
    static final class Remembering implements ReactiveJwtDecoder {

        private final ReactiveJwtDecoder decoder;
        private final Cache<String, Jwt> verified;
        private final OAuth2TokenValidator<Jwt> timestamps;

        Remembering(ReactiveJwtDecoder decoder, GatewayProperties.VerifiedTokens settings) {
            this(decoder, settings, new JwtTimestampValidator());
        }

        Remembering(ReactiveJwtDecoder decoder, GatewayProperties.VerifiedTokens settings,
                OAuth2TokenValidator<Jwt> timestamps) {
            this.decoder = decoder;
            this.verified = Caffeine.newBuilder().maximumSize(settings.maxTokens())
                    .expireAfterWrite(settings.ttl()).build();
            this.timestamps = timestamps;
        }

        @Override
        public Mono<Jwt> decode(String token) {
            Jwt known = verified.getIfPresent(token);
            if (known != null) {
                if (!timestamps.validate(known).hasErrors()) {
                    return Mono.just(known);
                }
                verified.invalidate(token);     // expired: the decoder gives the usual refusal
            }
            return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
    }
}
