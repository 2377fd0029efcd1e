package io.skillwise.analytics.projection;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * The listener endpoint of one projection version, registered at run time because its consumer group is the
 * version's own. It goes through Boot's listener container factory like any {@code @KafkaListener}, so it gets the
 * kit's error handling (dead letters, transient retries, stalled-partition reports) and the kit's dead-letter replay
 * finds it.
 */
final class ProjectionEndpoint implements KafkaListenerEndpoint {

    private final String id;
    private final String groupId;
    private final List<String> topics;
    private final int concurrency;
    private final Properties consumerProperties;
    private final ProjectionBatchListener listener;

    ProjectionEndpoint(String id, String groupId, List<String> topics, int concurrency, Properties consumerProperties,
                       ProjectionBatchListener listener) {
        this.id = id;
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        this.concurrency = concurrency;
        this.consumerProperties = consumerProperties;
        this.listener = listener;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getGroupId() {
        return groupId;
    }

    @Override
    public String getGroup() {
        return null;
    }

    @Override
    public Collection<String> getTopics() {
        return topics;
    }

    @Override
    public TopicPartitionOffset[] getTopicPartitionsToAssign() {
        return null;
    }

    @Override
    public Pattern getTopicPattern() {
        return null;
    }

    @Override
    public String getClientIdPrefix() {
        return id;
    }

    @Override
    public Integer getConcurrency() {
        return concurrency;
    }

    @Override
    public Boolean getAutoStartup() {
        return true;
    }

    @Override
    public Properties getConsumerProperties() {
        return consumerProperties;
    }

    @Override
    public Boolean getBatchListener() {
        return true;
    }

    @Override
    public void setupListenerContainer(MessageListenerContainer container, MessageConverter converter) {
        container.setupMessageListener(listener);
    }

    @Override
    public boolean isSplitIterables() {
        return true;
    }
}
