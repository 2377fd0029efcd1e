package io.skillwise.kit.messaging.testapp;

import io.skillwise.events.Topics;
import io.skillwise.kit.messaging.MongoOutboxCollections;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * A service as small as it gets, built on the kit like the real ones: a profile it owns in PostgreSQL (and one in
 * MongoDB), an HTTP endpoint that changes it and publishes {@code UserProfileUpdated}, and a listener that applies
 * those events to replicas in both stores. The proof tests run it in-process or, for the crash test, as a process of
 * its own.
 */
@SpringBootApplication
public class MessagingTestApplication {

    /** The one topic the app publishes to and listens on; a suffix per test class keeps classes apart. */
    public static final String TOPIC = Topics.IDENTITY_USER + "${skillwise.outbox.topic-suffix:}";

    public static void main(String[] args) {
        SpringApplication.run(MessagingTestApplication.class, args);
    }

    /** Counts every hand-over of a record to the listener, so tests can see retries (and their absence). */
    @Bean
    RecordInterceptor<Object, Object> attemptCounter(DeliveryProbe probe) {
        return (record, consumer) -> {
            probe.attempted(record.topic(), record.partition(), record.offset());
            return record;
        };
    }

    @Bean
    MongoOutboxCollections outboxCollections() {
        return MongoOutboxCollections.of(MongoProfiles.COLLECTION);
    }

    @Bean
    NewTopic profileTopic(@Value(TOPIC) String topic) {
        return TopicBuilder.name(topic).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic profileDeadLetterTopic(@Value(TOPIC) String topic) {
        return TopicBuilder.name(Topics.dlt(topic)).partitions(3).replicas(1).build();
    }
}
