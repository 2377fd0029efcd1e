package io.skillwise.kit.messaging.consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.CompositeBatchInterceptor;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * What the kit changes on Boot's listener container factories: every container tells {@link StalledPartitions} when
 * a record (or, for a batch listener, a batch) went through (after whatever record interceptor the service configured itself), and commits offsets
 * asynchronously unless {@code skillwise.consumer.async-commits=false}.
 */
public final class ListenerContainerFactories implements BeanPostProcessor, EnvironmentAware {

    private final ObjectProvider<StalledPartitions> stalls;
    private Environment environment;

    public ListenerContainerFactories(ObjectProvider<StalledPartitions> stalls) {
        this.stalls = stalls;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            RecordInterceptor own = factory.getRecordInterceptor();
            RecordInterceptor tracking = stalls.getObject().passedRecords();
            ((AbstractKafkaListenerContainerFactory) factory).setRecordInterceptor(own == null ? tracking
                    : new CompositeRecordInterceptor(own, tracking));
            BatchInterceptor ownBatch = factory.getBatchInterceptor();
            BatchInterceptor trackingBatches = stalls.getObject().passedBatches();
            ((AbstractKafkaListenerContainerFactory) factory).setBatchInterceptor(ownBatch == null ? trackingBatches
                    : new CompositeBatchInterceptor(ownBatch, trackingBatches));
            // A synchronous commit after every poll costs a broker round trip before the next poll, and every record
            // arriving meanwhile waits for it. Asynchronous commits keep the at-least-once contract: a lost commit
            // means a redelivery, which the inbox absorbs.
            factory.getContainerProperties().setSyncCommits(
                    !environment.getProperty("skillwise.consumer.async-commits", Boolean.class, true));
        }
        return bean;
    }
}
