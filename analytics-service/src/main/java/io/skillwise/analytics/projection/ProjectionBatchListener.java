package io.skillwise.analytics.projection;

import io.skillwise.events.DomainEvent;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MalformedEventException;
import io.skillwise.kit.messaging.consumer.FailureKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.Acknowledgment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds one projection version from the records of a poll: parsed as the kit parses every event, applied as one
 * batch. Failures are handed to the kit's error handling with the record they belong to
 * ({@link BatchListenerFailedException}): the records before it count as done, that record is retried alone or goes
 * to the dead-letter topic, the rest comes again.
 * <ul>
 *     <li>a malformed record (poison): the records before it are applied, then it is named;</li>
 *     <li>a transient failure (the database away): the batch is named from its first record, so it is retried,
 *     whole, for as long as it takes;</li>
 *     <li>any other failure: the records are applied one by one to find the one that fails, which is named.</li>
 * </ul>
 */
final class ProjectionBatchListener implements BatchMessageListener<String, String> {

    private final int version;
    private final ProjectionWriter writer;
    private final JsonMapper json;

    ProjectionBatchListener(int version, ProjectionWriter writer, JsonMapper json) {
        this.version = version;
        this.writer = writer;
        this.json = json;
    }

    /** The kit's dead-letter replay hands a record over this way, without acknowledgment or consumer. */
    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records, Acknowledgment acknowledgment,
                          Consumer<?, ?> consumer) {
        onMessage(records);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        List<Delivered<? extends DomainEvent>> parsed = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                parsed.add(delivered(IncomingEvent.from(records.get(i), json)));
            } catch (MalformedEventException poison) {
                apply(parsed);
                throw new BatchListenerFailedException(poison.getMessage(), poison, i);
            }
        }
        apply(parsed);
    }

    private void apply(List<Delivered<? extends DomainEvent>> parsed) {
        try {
            writer.apply(version, new EventBatch(parsed));
        } catch (RuntimeException failure) {
            if (FailureKind.of(failure) == FailureKind.TRANSIENT || parsed.size() == 1) {
                throw new BatchListenerFailedException(FailureKind.rootCause(failure), failure, 0);
            }
            applyOneByOne(parsed);
        }
    }

    private void applyOneByOne(List<Delivered<? extends DomainEvent>> parsed) {
        for (int i = 0; i < parsed.size(); i++) {
            try {
                writer.apply(version, new EventBatch(List.of(parsed.get(i))));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(FailureKind.rootCause(failure), failure, i);
            }
        }
    }

    private static Delivered<? extends DomainEvent> delivered(IncomingEvent event) {
        return new Delivered<>(event.id(), event.event(), event.topic(), event.partition(), event.offset());
    }
}
