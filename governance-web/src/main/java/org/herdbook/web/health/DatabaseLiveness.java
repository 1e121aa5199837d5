package org.herdbook.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while a pooled database connection can be validated. An unreachable database alone does
 * not make the instance dead: the check reports it as data and stays up, so that an orchestrator
 * does not restart a healthy server during a database outage. Only an exhausted or broken pool
 * (connections that cannot even be obtained from Liberty) marks it down.
 */
@Liveness
@ApplicationScoped
public class DatabaseLiveness implements HealthCheck {

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("database-connection").withData("valid", connection.isValid(2)).up().build();
        } catch (SQLException e) {
            boolean poolExhausted = e.getClass().getName().contains("ConnectionWaitTimeout");
            return HealthCheckResponse.named("database-connection").withData("error", String.valueOf(e.getMessage()))
                    .status(!poolExhausted).build();
        }
    }
}
