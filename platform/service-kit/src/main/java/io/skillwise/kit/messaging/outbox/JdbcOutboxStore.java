package io.skillwise.kit.messaging.outbox;

import io.skillwise.kit.messaging.OutboxEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of {@code outbox_event} (migration {@code V0_1__kit_outbox_inbox.sql}). */
public final class JdbcOutboxStore {

    /**
     * Key of the transaction-scoped advisory lock that makes one relay at a time publish from a database, whatever
     * the number of instances: order per key needs a single publisher. ("SWOUTBOX" in ASCII.)
     */
    public static final long RELAY_LOCK = 0x53574F5554424F58L;

    private final JdbcClient jdbc;

    public JdbcOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OutboxEntry entry) {
        jdbc.sql("""
                        insert into outbox_event
                            (event_id, topic, event_type, event_key, payload, occurred_at, traceparent, recorded_at)
                        values (:eventId, :topic, :type, :key, cast(:payload as jsonb), :occurredAt, :traceparent, :recordedAt)""")
                .param("eventId", UUID.fromString(entry.eventId()))
                .param("topic", entry.topic())
                .param("type", entry.type())
                .param("key", entry.key())
                .param("payload", entry.payload())
                .param("occurredAt", utc(entry.occurredAt()))
                .param("traceparent", entry.traceparent())
                .param("recordedAt", utc(entry.recordedAt()))
                .update();
    }

    /** Non-blocking: false when another relay holds the lock; released when the caller's transaction ends. */
    boolean tryRelayLock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                .param("key", RELAY_LOCK)
                .query(Boolean.class)
                .single());
    }

    /**
     * The oldest rows to send, leaving out parked rows and every later row of a parked row's key: they wait until the
     * parked row is released or dropped, so that a key's events never overtake each other.
     */
    List<PendingRow> pending(int limit) {
        return jdbc.sql("""
                        select seq, event_id, topic, event_type, event_key, payload::text as payload, occurred_at,
                               traceparent, recorded_at
                        from outbox_event o
                        where published_at is null and parked_at is null
                          and not exists (select 1 from outbox_event p
                                          where p.parked_at is not null and p.published_at is null
                                            and p.topic = o.topic and p.event_key = o.event_key and p.seq < o.seq)
                        order by seq
                        limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new PendingRow(rs.getLong("seq"), entry(rs)))
                .list();
    }

    void markPublished(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_event set published_at = clock_timestamp() where seq in (:seqs)")
                .param("seqs", List.copyOf(seqs))
                .update();
    }

    void recordFailure(Collection<Long> seqs, String error) {
        if (seqs.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_event set attempts = attempts + 1, last_error = :error where seq in (:seqs)")
                .param("seqs", List.copyOf(seqs))
                .param("error", error)
                .update();
    }

    /**
     * Counts a refusal of the row (Kafka rejected the record itself) and parks it when it was refused
     * {@code parkAfter} times.
     *
     * @return whether the row is parked now
     */
    boolean recordRefusal(long seq, String error, int parkAfter) {
        return jdbc.sql("""
                        update outbox_event
                        set attempts = attempts + 1, refusals = refusals + 1, last_error = :error,
                            parked_at = case when refusals + 1 >= :parkAfter then clock_timestamp() end
                        where seq = :seq
                        returning parked_at is not null""")
                .param("seq", seq)
                .param("error", error)
                .param("parkAfter", parkAfter)
                .query(Boolean.class).single();
    }

    /** Events waiting to be sent, parked ones not included. */
    public long countPending() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null and parked_at is null")
                .query(Long.class).single();
    }

    /** When the oldest event waiting to be sent was recorded; empty when none waits. */
    public Optional<Instant> oldestPending() {
        return jdbc.sql("select min(recorded_at) from outbox_event where published_at is null and parked_at is null")
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    public long countParked() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null and parked_at is not null")
                .query(Long.class).single();
    }

    /** The oldest parked rows, at most {@code limit}. */
    List<ParkedEvent> parked(int limit) {
        return jdbc.sql("""
                        select seq, event_id, event_type, topic, event_key, refusals, last_error, parked_at
                        from outbox_event
                        where published_at is null and parked_at is not null
                        order by seq
                        limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new ParkedEvent("jdbc", "outbox_event.seq=" + rs.getLong("seq"),
                        rs.getObject("event_id", UUID.class).toString(), rs.getString("event_type"), rs.getString("topic"),
                        rs.getString("event_key"), rs.getInt("refusals"), rs.getString("last_error"),
                        rs.getObject("parked_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Deletes at most {@code limit} of the oldest rows published before {@code before}. */
    int deletePublishedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        delete from outbox_event where seq in (
                            select seq from outbox_event
                            where published_at < :before
                            order by published_at
                            limit :limit)""")
                .param("before", utc(before))
                .param("limit", limit)
                .update();
    }

    /** The inbox's clean-up: ids older than the retention can no longer be recognised as duplicates. */
    int deleteProcessedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        delete from processed_event where (consumer, event_id) in (
                            select consumer, event_id from processed_event
                            where processed_at < :before
                            limit :limit)""")
                .param("before", utc(before))
                .param("limit", limit)
                .update();
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        return new OutboxEntry(
                rs.getObject("event_id", UUID.class).toString(),
                rs.getString("topic"),
                rs.getString("event_type"),
                rs.getString("event_key"),
                rs.getString("payload"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("traceparent"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record PendingRow(long seq, OutboxEntry entry) {
    }
}
