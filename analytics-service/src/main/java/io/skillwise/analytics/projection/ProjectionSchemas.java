package io.skillwise.analytics.projection;

import java.sql.Connection;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates and drops the schema of a projection version, and points a transaction at one. The tables are created from
 * one script ({@code db/projection/projections.sql}) in the transaction's schema, so every version has the same
 * layout and no SQL of the features names a schema.
 */
@Component
class ProjectionSchemas {

    private static final ClassPathResource TABLES = new ClassPathResource("db/projection/projections.sql");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ProjectionSchemas(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Creates the version's schema and tables, inside the caller's transaction, whose search path it leaves as it was. */
    void create(int version) {
        String schema = ProjectionVersion.schemaOf(version);
        String searchPath = jdbc.sql("select current_setting('search_path')").query(String.class).single();
        jdbc.sql("create schema " + schema).update();
        use(version);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            ScriptUtils.executeSqlScript(connection, TABLES);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("select set_config('search_path', :path, true)").param("path", searchPath).query().singleValue();
    }

    /** Drops the version's schema with everything in it; waits for transactions still reading it. */
    void drop(int version) {
        jdbc.sql("drop schema if exists " + ProjectionVersion.schemaOf(version) + " cascade").update();
    }

    /** Until the end of the caller's transaction, unqualified table names are the version's. */
    void use(int version) {
        jdbc.sql("select set_config('search_path', :schema, true)")
                .param("schema", ProjectionVersion.schemaOf(version))
                .query().singleValue();
    }
}
