package io.skillwise.testsupport;

import java.util.List;
import java.util.Map;

/** What a test may ask of the shared servers. */
public interface TestInfrastructure {

    /** Creates the database when missing and returns its JDBC URL. */
    String postgresDatabase(String name);

    String postgresUser();

    String postgresPassword();

    /**
     * Stops the PostgreSQL server, keeping its data, to simulate an outage (every test database goes with it);
     * {@link #startPostgres()} brings it back on the same address. Connections open at the time are broken.
     */
    void stopPostgres();

    void startPostgres();

    String kafkaBootstrapServers();

    /** Stops the broker, keeping its data, to simulate an outage; {@link #startKafka()} brings it back. */
    void stopKafka();

    void startKafka();

    String mongoUri(String database);

    String redisHost();

    int redisPort();

    String smtpHost();

    int smtpPort();

    /** Mails received by the SMTP sink for one recipient: subject, to, text, mimeMessage. */
    List<Map<String, Object>> mailTo(String email);

    static TestInfrastructure shared() {
        return Infrastructures.shared();
    }
}
