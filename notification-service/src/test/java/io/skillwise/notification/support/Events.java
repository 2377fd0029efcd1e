package io.skillwise.notification.support;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.catalog.CategoryRef;
import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.common.Money;
import io.skillwise.events.enrollment.EnrollmentSource;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.identity.UserRolesChanged;
import io.skillwise.testsupport.TestUser;
import io.skillwise.testsupport.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Puts other services' events on the real topics as their outbox relays do (test-support's {@link TopicRecords}), and
 * builds the events the tests start from.
 */
public final class Events {

    private final TopicRecords topics;

    public Events(String bootstrapServers) {
        this.topics = TopicRecords.on(bootstrapServers);
    }

    /** Publishes each event once, with a fresh {@code ce_id}. */
    public void publish(DomainEvent... events) {
        topics.publish(events);
    }

    /** Publishes the event twice with the same {@code ce_id}, as a producer retry or a rebalance would deliver it. */
    public void publishTwice(DomainEvent event) {
        ProducerRecord<String, String> record = TopicRecords.cloudEvent(event, UUID.randomUUID());
        topics.send(List.of(record, record));
    }

    /** Tells the service who the user is (identity's event), so that it can mail them. */
    public void register(TestUser... users) {
        List<DomainEvent> events = new ArrayList<>();
        for (TestUser user : users) {
            events.add(registered(user));
            if (!user.roles().equals(Set.of("student"))) {
                events.add(new UserRolesChanged(user.id(), roles(user), List.of(UserRole.STUDENT), UUID.randomUUID(),
                        Instant.now()));
            }
        }
        publish(events.toArray(DomainEvent[]::new));
    }

    public static UserRegistered registered(TestUser user) {
        return new UserRegistered(user.id(), user.email(), nameOf(user), List.of(UserRole.STUDENT), false,
                Instant.now());
    }

    public static String nameOf(TestUser user) {
        return "Test " + user.email().substring(0, user.email().indexOf('@'));
    }

    /** A published paid course of the instructor, as catalog announces it. */
    public static CoursePublished course(UUID courseId, UUID instructorId, String title) {
        return new CoursePublished(courseId, instructorId, title, null, new CategoryRef(UUID.randomUUID(), "dev", "Dev"),
                CourseLevel.BEGINNER, "en", CourseStatus.PUBLISHED, false, usd(4900), List.of(), 1, instructorId,
                Instant.now());
    }

    public static StudentEnrolled enrolled(UUID courseId, UUID studentId, UUID instructorId) {
        return new StudentEnrolled(UUID.randomUUID(), courseId, studentId, instructorId, EnrollmentSource.FREE, null,
                null, Instant.now(), Instant.now());
    }

    public static Money usd(long cents) {
        return new Money(cents, "USD");
    }

    private static List<UserRole> roles(TestUser user) {
        return user.roles().stream().map(role -> UserRole.valueOf(role.toUpperCase(Locale.ROOT))).toList();
    }

    /** Every event of this type on the wire so far (test-support's {@link TopicRecords#events}). */
    public <T> List<T> published(Class<T> type) {
        return topics.events(type);
    }
}
