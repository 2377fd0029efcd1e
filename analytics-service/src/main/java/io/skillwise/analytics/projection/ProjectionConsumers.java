package io.skillwise.analytics.projection;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a consumer for every projection version that consumes (the active one, and one being rebuilt), each in its
 * own consumer group, and stops the consumers of versions that no longer do. Every instance does the same, so the
 * partitions of each version's group are shared among the instances.
 */
@Component
class ProjectionConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumers.class);
    private static final String ID_PREFIX = "projections-v";

    private final ProjectionVersions versions;
    private final ProjectionWriter writer;
    private final KafkaListenerEndpointRegistry registry;
    private final KafkaListenerContainerFactory<?> factory;
    private final ProjectionTopics topics;
    private final ProjectionProperties properties;
    private final JsonMapper json;
    private final String groupPrefix;
    private final Set<Integer> running = new HashSet<>();
    private volatile boolean started;

    ProjectionConsumers(ProjectionVersions versions, ProjectionWriter writer, KafkaListenerEndpointRegistry registry,
                        KafkaListenerContainerFactory<?> factory, ProjectionTopics topics,
                        ProjectionProperties properties, JsonMapper json,
                        @Value("${spring.kafka.consumer.group-id}") String groupPrefix) {
        this.versions = versions;
        this.writer = writer;
        this.registry = registry;
        this.factory = factory;
        this.topics = topics;
        this.properties = properties;
        this.json = json;
        this.groupPrefix = groupPrefix;
    }

    /** The consumer group of a version: its own, so a rebuild reads every topic from the beginning. */
    String groupOf(int version) {
        return groupPrefix + "-projections-v" + version;
    }

    @Override
    public void start() {
        versions.bootstrap();
        started = true;
        sync();
    }

    @Override
    public void stop() {
        started = false;
        synchronized (this) {
            running.forEach(version -> stopConsumer(version));
            running.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Starts and stops consumers to match the versions table. */
    synchronized void sync() {
        if (!started) {
            return;
        }
        Set<Integer> wanted = versions.all().stream().filter(ProjectionVersion::consuming)
                .map(ProjectionVersion::version).collect(Collectors.toSet());
        for (int version : wanted) {
            if (running.add(version)) {
                startConsumer(version);
            }
        }
        for (int version : Set.copyOf(running)) {
            if (!wanted.contains(version)) {
                stopConsumer(version);
                running.remove(version);
            }
        }
    }

    private void startConsumer(int version) {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.maxPollRecords()));
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        registry.registerListenerContainer(new ProjectionEndpoint(ID_PREFIX + version, groupOf(version), topics.names(),
                properties.concurrency(), consumer, new ProjectionBatchListener(version, writer, json)), factory, true);
        log.info("consumer of projection version {} started (group {})", version, groupOf(version));
    }

    private void stopConsumer(int version) {
        MessageListenerContainer container = registry.unregisterListenerContainer(ID_PREFIX + version);
        if (container != null) {
            container.stop();
            log.info("consumer of projection version {} stopped", version);
        }
    }
}
