package io.skillwise.kit.messaging.testapp;

import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.kit.messaging.EventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JDBC side: renaming a profile changes its row and publishes the fact, in one transaction. */
@Service
public class Profiles {

    private final JdbcClient jdbc;
    private final EventPublisher events;

    public Profiles(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public long rename(UUID id, String displayName, UUID actor) {
        long revision = jdbc.sql("""
                        insert into profile (id, display_name, revision) values (:id, :name, 1)
                        on conflict (id) do update set display_name = :name, revision = profile.revision + 1
                        returning revision""")
                .param("id", id).param("name", displayName)
                .query(Long.class).single();
        events.publish(updated(id, displayName, revision, actor));
        return revision;
    }

    /** The event; its headline carries the revision so tests can check the order of arrival. */
    static UserProfileUpdated updated(UUID id, String displayName, long revision, UUID actor) {
        return new UserProfileUpdated(id, displayName, "revision " + revision, null, List.of(),
                List.of("displayName"), actor, Instant.now());
    }
}
