package io.skillwise.kit.messaging;

import io.skillwise.kit.messaging.testapp.DeliveryProbe;
import io.skillwise.kit.messaging.testapp.MessagingTestApplication;
import io.skillwise.kit.messaging.testapp.Profiles;
import io.skillwise.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.UUID;

import static io.skillwise.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Published outbox rows and old processed-event ids are deleted after their retention, so the tables stay small. */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"skillwise.outbox.topic-suffix=.housekeeping", "skillwise.outbox.retention=1s",
                "skillwise.outbox.cleanup-interval=1s", "skillwise.consumer.inbox-retention=1s"})
@WithInfrastructure(postgres = true, kafka = true, mongo = true, tokens = true)
@DirtiesContext
class OutboxHousekeepingIT {

    @Autowired
    Profiles profiles;
    @Autowired
    DeliveryProbe probe;
    @Autowired
    JdbcClient jdbc;

    @Test
    void publishedEventsAndProcessedIdsAreDeletedAfterTheirRetention() {
        UUID id = UUID.randomUUID();
        profiles.rename(id, "short-lived", id);
        UUID eventId = eventually(Duration.ofSeconds(15), () -> probe.ofKey(id.toString()),
                list -> assertThat(list).isNotEmpty()).getFirst().eventId();
        // the replica row proves the inbox recorded the event: both are written in one transaction
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count("profile_replica where id = '" + id + "'")).isEqualTo(1));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(count("outbox_event where event_id = '" + eventId + "'")).isZero();
            assertThat(count("processed_event where event_id = '" + eventId + "'")).isZero();
        });
        assertThat(count("outbox_event where published_at is null")).isZero();
    }

    private long count(String fromWhere) {
        return jdbc.sql("select count(*) from " + fromWhere).query(Long.class).single();
    }
}
