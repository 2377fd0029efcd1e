package io.skillwise.analytics.projection;

import static io.skillwise.analytics.projection.SqlArrays.ints;
import static io.skillwise.analytics.projection.SqlArrays.longs;
import static io.skillwise.analytics.projection.SqlArrays.texts;
import static io.skillwise.analytics.projection.SqlArrays.times;

import io.skillwise.analytics.projection.EventBatch.PartitionProgress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code consumer_position} of the version the transaction uses. */
@Repository
class PositionRepository {

    private final JdbcClient jdbc;

    PositionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void advance(List<PartitionProgress> progress) {
        if (progress.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into consumer_position (topic, partition_no, next_offset, newest_event_at, events)
                        select * from unnest(:topics, :partitions, :offsets, cast(:times as timestamptz[]), :events)
                        on conflict (topic, partition_no) do update set
                            next_offset = greatest(consumer_position.next_offset, excluded.next_offset),
                            newest_event_at = greatest(consumer_position.newest_event_at, excluded.newest_event_at),
                            events = consumer_position.events + excluded.events""")
                .param("topics", texts(progress.stream().map(PartitionProgress::topic).toList()))
                .param("partitions", ints(progress.stream().map(PartitionProgress::partition).toList()))
                .param("offsets", longs(progress.stream().map(PartitionProgress::nextOffset).toList()))
                .param("times", times(progress.stream().map(PartitionProgress::newestEventAt).toList()))
                .param("events", longs(progress.stream().map(PartitionProgress::events).toList()))
                .update();
    }

    /** The newest event applied, over every partition; absent before the first. */
    Optional<Instant> newestEvent() {
        return jdbc.sql("select max(newest_event_at) as newest from consumer_position")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp("newest")).map(Timestamp::toInstant))
                .single();
    }

    /** Per {@code topic-partition}: the next offset to apply. */
    Map<String, Long> nextOffsets() {
        return jdbc.sql("select topic, partition_no, next_offset from consumer_position")
                .query((rs, row) -> Map.entry(rs.getString("topic") + "-" + rs.getInt("partition_no"),
                        rs.getLong("next_offset")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long records() {
        return jdbc.sql("select coalesce(sum(events), 0) from consumer_position").query(Long.class).single();
    }
}
