package org.tanchang.grid.petition;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.ConnectionPoolSettings;
import org.junit.jupiter.api.Test;

class MongoPoolConfigurationTest {

    @Test
    void keepsTheConfiguredConnectionsOpenAndOpensSeveralAtOnce() {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:27017/?maxPoolSize=100"));

        ConnectionPoolSettings pool = MongoPoolConfiguration.apply(settings,
                new MongoPoolConfiguration.MongoPool(50, 8)).build().getConnectionPoolSettings();

        assertThat(pool.getMinSize()).isEqualTo(50);
        assertThat(pool.getMaxConnecting()).isEqualTo(8);
        assertThat(pool.getMaxSize()).as("the URI's maximum stays").isEqualTo(100);
    }

    @Test
    void withoutSettingsTheDriversDefaultsStay() {
        ConnectionPoolSettings pool = MongoPoolConfiguration.apply(MongoClientSettings.builder(),
                new MongoPoolConfiguration.MongoPool(0, 2)).build().getConnectionPoolSettings();

        assertThat(pool.getMinSize()).isZero();
        assertThat(pool.getMaxConnecting()).isEqualTo(2);
    }
}
