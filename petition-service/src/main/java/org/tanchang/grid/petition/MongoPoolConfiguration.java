package org.tanchang.grid.petition;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB connection pool sized for the window's burst ({@code tanchang.mongo-pool.*}). The driver keeps no
 * idle connections by default and opens at most two at a time, so fifty submissions arriving together queued for
 * connections being opened two by two (the JFR profile of WindowPromiseBenchmark showed request threads parked in
 * the pool's open limiter). Keeping {@code min-size} connections open, refilled in the background, and opening more
 * of them at once when a burst exceeds that, lets the burst go straight to the store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoPoolConfiguration.MongoPool.class)
class MongoPoolConfiguration {

    /**
     * @param minSize       connections kept open (the driver's {@code minPoolSize}); the burst the window must absorb
     * @param maxConnecting connections opened at the same time when more are needed ({@code maxConnecting})
     */
    @ConfigurationProperties("tanchang.mongo-pool")
    record MongoPool(@DefaultValue("0") int minSize, @DefaultValue("2") int maxConnecting) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer windowBurstPool(MongoPool pool) {
        return settings -> apply(settings, pool);
    }

    /** Applied after the URI's settings (which keeps its maxPoolSize, 100 unless it says otherwise). */
    static MongoClientSettings.Builder apply(MongoClientSettings.Builder settings, MongoPool pool) {
        return settings.applyToConnectionPoolSettings(connections -> connections.minSize(pool.minSize())
                .maxConnecting(pool.maxConnecting()));
    }
}
