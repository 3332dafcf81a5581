package org.tanchang.grid.platform.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.tanchang.grid.platform.audit.AuditTrail;
import org.tanchang.grid.platform.security.SecurityProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The personal-data beans. Key problems fail the start (IllegalStateException from {@link FieldCipher#from} and
 * {@link KeyedHash#from}) rather than the first write, so a misconfigured service never runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PersonalDataProperties.class, SecurityProperties.class})
public class PersonalDataConfiguration {

    /** The id of the development key in tanchang-platform-defaults.yml. */
    static final String DEVELOPMENT_KEY_ID = "dev-not-secret";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    FieldCipher fieldCipher(PersonalDataProperties properties) {
        FieldCipher cipher = FieldCipher.from(properties);
        if (DEVELOPMENT_KEY_ID.equals(cipher.activeKeyId())) {
            log.warn("Personal data is encrypted with the DEVELOPMENT key '{}' from tanchang-platform-defaults.yml, "
                    + "which is public; set PERSONAL_DATA_KEY_ID, PERSONAL_DATA_KEY and PERSONAL_DATA_HASH_KEY "
                    + "(or PERSONAL_DATA_KEYSET) for any real data", DEVELOPMENT_KEY_ID);
        }
        return cipher;
    }

    @Bean
    @ConditionalOnMissingBean
    KeyedHash keyedHash(PersonalDataProperties properties) {
        return KeyedHash.from(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    PersonalData personalData(FieldCipher cipher, KeyedHash hash) {
        return new PersonalData(cipher, hash);
    }

    /** Public operations' answers scrubbed of personal data (web applications only). */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
    PublicResponseScrubbing publicResponseScrubbing(
            org.springframework.beans.factory.ObjectProvider<tools.jackson.databind.json.JsonMapper> json) {
        return new PublicResponseScrubbing(json);
    }

    /** Needs the audit trail (a service's); absent in slices that test the cipher alone. */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBean(AuditTrail.class)
    Disclosure disclosure(AuditTrail trail, SecurityProperties security) {
        return new Disclosure(trail, security);
    }
}
