package io.skillwise.systemtests;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.events.EventCatalog;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.events.payment.CoursePurchased;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Where one purchase's time went on its way to the enrollment, read afterwards from the stamps the services' stores
 * already keep (one machine, one clock): payment-service's outbox row of {@code CoursePurchased} ({@code recorded_at}
 * inside the webhook's transaction, {@code published_at} once Kafka acknowledged it), enrollment-service's inbox row of
 * that event ({@code processed_at}, the handler's first statement) and its outbox row of {@code StudentEnrolled}
 * ({@code recorded_at}, the handler's last step before its commit). Nothing is added to the services to measure it.
 *
 * @param paymentRecorded    CoursePurchased written to payment-service's outbox (before the webhook's commit)
 * @param paymentPublished   payment-service's relay has Kafka's acknowledgement
 * @param enrollmentHandling enrollment-service's handler records the event in its inbox
 * @param enrollmentRecorded enrollment-service writes StudentEnrolled, just before its transaction commits
 */
record PurchaseTimeline(Instant paymentRecorded, Instant paymentPublished, Instant enrollmentHandling,
                        Instant enrollmentRecorded) {

    private static final String PURCHASED = EventCatalog.of(CoursePurchased.class).type();
    private static final String ENROLLED = EventCatalog.of(StudentEnrolled.class).type();

    /** Reads the stamps of the order's purchase; the order must have been enrolled. */
    static PurchaseTimeline of(DevStack platform, UUID orderId) {
        OutboxRow purchased = outboxRow(platform, PlatformService.PAYMENT, PURCHASED, orderId);
        OutboxRow enrolled = outboxRow(platform, PlatformService.ENROLLMENT, ENROLLED, orderId);
        Instant handling = single(platform, PlatformService.ENROLLMENT,
                "select processed_at from processed_event where consumer = 'enrollment-service' and event_id = ?",
                purchased.eventId());
        return new PurchaseTimeline(purchased.recorded(), purchased.published(), handling, enrolled.recorded());
    }

    /** Payment's relay: from the event written in the webhook's transaction to Kafka's acknowledgement. */
    Duration relayed() {
        return Duration.between(paymentRecorded, paymentPublished);
    }

    /** From the relay's acknowledgement to enrollment-service's handler running: broker, fetch, listener dispatch. */
    Duration delivered() {
        return Duration.between(paymentPublished, enrollmentHandling);
    }

    /** enrollment-service's own work on the event, up to its last write before the commit. */
    Duration applied() {
        return Duration.between(enrollmentHandling, enrollmentRecorded);
    }

    private record OutboxRow(UUID eventId, Instant recorded, Instant published) {
    }

    private static OutboxRow outboxRow(DevStack platform, PlatformService service, String type, UUID orderId) {
        String sql = "select event_id, recorded_at, published_at from outbox_event "
                + "where event_type = ? and payload ->> 'orderId' = ?";
        try (Connection connection = platform.postgres().connect(service.shortName());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, type);
            statement.setString(2, orderId.toString());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no " + type + " of order " + orderId + " in " + service.shortName() + "'s outbox");
                }
                return new OutboxRow(row.getObject(1, UUID.class), instant(row, 2), instant(row, 3));
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read the outbox of " + service.shortName(), e);
        }
    }

    private static Instant single(DevStack platform, PlatformService service, String sql, UUID parameter) {
        try (Connection connection = platform.postgres().connect(service.shortName());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("nothing in " + service.shortName() + " for " + parameter);
                }
                return instant(row, 1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read " + service.shortName(), e);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new AssertionError("column " + column + " is not stamped");
        }
        return value.toInstant();
    }
}
