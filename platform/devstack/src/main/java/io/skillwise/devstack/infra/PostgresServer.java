package io.skillwise.devstack.infra;

import io.skillwise.devstack.Component;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Real PostgreSQL 17 from the embedded binaries, one database per service. The data folder is kept between runs
 * (unless the caller points it at a throw-away folder), so the local platform remembers its state.
 */
public final class PostgresServer implements Component {

    public static final String USER = "postgres";

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> databases;
    private EmbeddedPostgres postgres;

    public PostgresServer(int port, Path dataDir, Path logFile, List<String> databases) {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.databases = List.copyOf(databases);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public synchronized void start() throws IOException, SQLException {
        if (postgres != null) {
            return;
        }
        Files.createDirectories(dataDir);
        Path sockets = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-sockets"));
        Files.createDirectories(logFile.getParent());
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", sockets.toString())
                .setServerConfig("max_connections", "300")
                // Local and test data is disposable: durability settings trade safety for speed here only.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // PostgreSQL keeps up to 1 GB of WAL by default; per test JVM that adds up to a full disk.
                .setServerConfig("min_wal_size", "32MB")
                .setServerConfig("max_wal_size", "128MB")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        for (String database : databases) {
            createDatabase(database);
        }
    }

    /** Creates the database when missing; returns its JDBC URL. */
    public String createDatabase(String database) throws SQLException {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a safe database name: " + database);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (!exists.next()) {
                    statement.execute("create database " + database);
                }
            }
        }
        return jdbcUrl(database);
    }

    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        return DriverManager.getConnection(jdbcUrl(database), properties);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public boolean isHealthy() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Path logFile() {
        return logFile;
    }
}
