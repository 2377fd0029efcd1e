package io.skillwise.kit.messaging;

import io.skillwise.events.DomainEvent;

/**
 * Publishes domain events through the transactional outbox of a PostgreSQL service.
 *
 * <p>{@link #publish} must be called inside the transaction that changes the state the event describes: the event
 * is written to {@code outbox_event} in that transaction and commits or rolls back with it. After the commit a relay
 * puts it on Kafka (topic and {@code ce_type} from {@code EventCatalog}, key = aggregate id, CloudEvents headers,
 * the caller's trace context), retrying for as long as Kafka is away. Nothing is lost if the process dies between
 * commit and publication.
 *
 * <pre>{@code
 * @Transactional
 * public CourseView publish(UUID courseId, CurrentUser user) {
 *     Course course = courses.findById(courseId).orElseThrow(...);
 *     course.publish(user.id(), clock.instant());
 *     courses.save(course);
 *     events.publish(CourseEvents.published(course));
 *     return CourseView.of(course);
 * }
 * }</pre>
 */
public interface EventPublisher {

    /**
     * Records the event for publication in the current transaction.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is open
     * @throws IllegalArgumentException when the event is not in the event catalog
     */
    void publish(DomainEvent event);
}
