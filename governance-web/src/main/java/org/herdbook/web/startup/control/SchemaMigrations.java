package org.herdbook.web.startup.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies each module's Flyway migrations ({@code db/migration/<schema>}) to the PostgreSQL
 * schema of the same name, each with its own history table. Flyway's own lock makes this safe
 * when several instances start at once.
 */
@ApplicationScoped
public class SchemaMigrations {

    /** Every schema, one per owning module. */
    public static final List<String> SCHEMAS = List.of("governance", "finance", "ballots", "reports");
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    public void apply() {
        for (String schema : SCHEMAS) {
            MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .locations("classpath:db/migration/" + schema)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            LOG.info(() -> "Schema " + schema + ": " + result.migrationsExecuted + " migration(s) applied, now at version "
                    + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
        }
    }
}
