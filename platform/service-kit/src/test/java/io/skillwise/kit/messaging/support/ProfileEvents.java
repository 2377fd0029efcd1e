package io.skillwise.kit.messaging.support;

import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events the test application's listener consumes, on a test class's own topic. */
public final class ProfileEvents {

    private ProfileEvents() {
    }

    /** A rename; the revision travels in the headline, so a test can tell deliveries apart. */
    public static UserProfileUpdated updated(UUID userId, String displayName, long revision) {
        return new UserProfileUpdated(userId, displayName, "revision " + revision, null, List.of(),
                List.of("displayName"), userId, Instant.now());
    }

    /** The event as identity-service's relay would publish it, on the given topic and partition. */
    public static ProducerRecord<String, String> record(String topic, Integer partition, UUID eventId,
                                                        UserProfileUpdated event) {
        return TopicRecords.onTopic(TopicRecords.cloudEvent(event, eventId), topic, partition);
    }
}
