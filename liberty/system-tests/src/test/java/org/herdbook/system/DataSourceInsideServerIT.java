package org.herdbook.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running server (Arquillian deploys this class in a small war next to Herdbook):
 * the data source every application gets from JNDI is the real PostgreSQL, with one schema and
 * one migration history per owning module. JUnit's own assertions: they travel with the test.
 */
@ExtendWith(ArquillianExtension.class)
class DataSourceInsideServerIT {

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    @Deployment
    static WebArchive insideServer() {
        return ShrinkWrap.create(WebArchive.class, "inside-server-test.war").addClass(DataSourceInsideServerIT.class);
    }

    @Test
    void theServersDataSourceIsPostgresqlWithEveryModulesSchemaMigrated() throws SQLException {
        assertNotNull(dataSource, "jdbc/herdbook is bound in the server");
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            assertEquals(18, connection.getMetaData().getDatabaseMajorVersion());
            List<String> migrated = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT table_schema FROM information_schema.tables"
                            + " WHERE table_name = 'flyway_schema_history' ORDER BY table_schema")) {
                while (rows.next()) {
                    migrated.add(rows.getString(1));
                }
            }
            assertEquals(List.of("ballots", "finance", "governance", "reports"), migrated);
        }
    }
}
