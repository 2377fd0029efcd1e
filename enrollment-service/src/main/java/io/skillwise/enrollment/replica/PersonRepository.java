package io.skillwise.enrollment.replica;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
public class PersonRepository {

    private final JdbcClient jdbc;

    public PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param certificateName the name chosen for certificates; null when none was chosen */
    public void saveIfNewer(UUID id, String displayName, String certificateName, Instant changedAt) {
        jdbc.sql("""
                        insert into person (id, display_name, certificate_name, changed_at)
                        values (:id, :name, :certificateName, :at)
                        on conflict (id) do update set display_name = excluded.display_name,
                            certificate_name = excluded.certificate_name, changed_at = excluded.changed_at
                        where person.changed_at <= excluded.changed_at""")
                .param("id", id).param("name", displayName).param("certificateName", certificateName)
                .param("at", Timestamp.from(changedAt))
                .update();
    }

    /** The name the person chose for certificates, else their display name. */
    public Optional<String> certificateName(UUID id) {
        return jdbc.sql("select coalesce(certificate_name, display_name) from person where id = :id")
                .param("id", id).query(String.class).optional();
    }

    public Optional<String> displayName(UUID id) {
        return jdbc.sql("select display_name from person where id = :id")
                .param("id", id).query(String.class).optional();
    }
}
