package io.govflow.store.postgres;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import io.govflow.config.GovflowProperties;
import io.govflow.store.OnPostgresStore;

/**
 * {@code govflow.store.kind=postgres}: every store in the database of {@code spring.datasource.*}, behind the same
 * interfaces as the file store; the flows above them are unchanged.
 */
@Configuration(proxyBeanMethods = false)
@OnPostgresStore
public class PostgresStoreConfiguration {

    /** How long start-up waits for the database to accept the migrations. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    @Bean
    PostgresConnections.Settings postgresSettings(Environment environment, GovflowProperties properties) {
        PostgresConnections.Settings settings = PostgresConnections.settings(environment, properties.postgres());
        PostgresConnections.migrate(settings, STARTUP_WAIT);
        return settings;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource postgresDataSource(PostgresConnections.Settings settings, Environment environment,
            GovflowProperties properties) {
        return PostgresConnections.pool(settings, environment, properties.lock().timeout());
    }

    @Bean
    PostgresDatabase postgresDatabase(HikariDataSource dataSource) {
        return new PostgresDatabase(dataSource);
    }
}
