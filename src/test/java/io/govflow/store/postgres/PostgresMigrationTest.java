package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.govflow.support.PostgresTestServer;

/** The migrations on a real PostgreSQL: applied by the schema owner, the service's role gets row access only. */
class PostgresMigrationTest {

    @Test
    void theOwnerMigratesAndTheServiceRoleGetsRowAccessOnly() throws SQLException {
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("migration");
        var settings = new PostgresConnections.Settings(db.url(), PostgresTestServer.APP,
                PostgresTestServer.APP_PASSWORD, PostgresTestServer.OWNER, PostgresTestServer.OWNER_PASSWORD);
        PostgresConnections.migrate(settings, Duration.ZERO);
        PostgresConnections.migrate(settings, Duration.ZERO); // a second start applies nothing

        try (Connection app = DriverManager.getConnection(db.url(), PostgresTestServer.APP,
                PostgresTestServer.APP_PASSWORD); Statement s = app.createStatement()) {
            s.execute("INSERT INTO agent_state (agent_id, update_count, state_text) VALUES ('a1', 0, '{}')");
            assertThat(s.executeUpdate("DELETE FROM agent_state WHERE agent_id = 'a1'")).isEqualTo(1);
            assertThatThrownBy(() -> s.execute("CREATE TABLE intruder (x int)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("DROP TABLE update_log")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
        }
    }
}
