package io.skillwise.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.skillwise.kit.messaging.consumer.ConsumerErrorHandling;
import io.skillwise.kit.messaging.consumer.ConsumerHealthIndicator;
import io.skillwise.kit.messaging.consumer.IncomingEventArgumentResolver;
import io.skillwise.kit.messaging.consumer.ListenerContainerFactories;
import io.skillwise.kit.messaging.consumer.StalledPartitions;
import io.skillwise.kit.messaging.deadletter.DeadLetterController;
import io.skillwise.kit.messaging.deadletter.DeadLetters;
import io.skillwise.kit.messaging.outbox.OutboxEntries;
import io.skillwise.kit.messaging.outbox.OutboxTracing;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;

/**
 * What every service's messaging shares, whatever its store: turning events into outbox entries (catalog topic and
 * type, JSON, trace context), {@link IncomingEvent} parameters for listeners, and the listeners' error handling
 * (poison to {@code <topic>.dlt} at once, transient failures retried for as long as it takes, see
 * {@link ConsumerErrorHandling}). The store-specific outboxes and inboxes are in
 * {@link KitJdbcMessagingAutoConfiguration} and {@link KitMongoMessagingAutoConfiguration}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(JsonMapper.class)
@EnableConfigurationProperties({OutboxProperties.class, ConsumerProperties.class})
public class KitMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxEntries outboxEntries(JsonMapper json, OutboxTracing tracing, OutboxProperties properties,
                                ObjectProvider<ProducerFactory<?, ?>> producers, Environment environment) {
        // the system clock, not a service's (possibly fixed) domain clock: recordedAt measures the relay
        return new OutboxEntries(json, tracing, properties, Clock.systemUTC(),
                KitJdbcMessagingAutoConfiguration.applicationName(environment), maxRecordBytes(properties, producers));
    }

    /** The event size limit, never above what the relay's producer would send ({@code max.request.size}). */
    private static long maxRecordBytes(OutboxProperties properties, ObjectProvider<ProducerFactory<?, ?>> producers) {
        ProducerFactory<?, ?> factory = producers.getIfAvailable();
        Object configured = factory == null ? null
                : factory.getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        long producerLimit = configured == null ? 1_048_576 : Long.parseLong(configured.toString());
        return Math.min(properties.maxEventSize().toBytes(), producerLimit);
    }

    /** The listeners' error handler; Boot's listener container factory picks up the single CommonErrorHandler. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, ConsumerProperties properties,
                                         ObjectProvider<MeterRegistry> meters, StalledPartitions stalledPartitions) {
        return ConsumerErrorHandling.errorHandler(template, properties, meters.getIfAvailable(SimpleMeterRegistry::new),
                stalledPartitions);
    }

    @Bean
    @ConditionalOnMissingBean
    StalledPartitions stalledPartitions(ObjectProvider<MeterRegistry> meters) {
        StalledPartitions stalls = new StalledPartitions(Clock.systemUTC());
        stalls.registerMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
        return stalls;
    }

    /** The {@code eventConsumers} health component. */
    @Bean
    @ConditionalOnMissingBean(name = "eventConsumersHealthIndicator")
    ConsumerHealthIndicator eventConsumersHealthIndicator(StalledPartitions stalledPartitions, ConsumerProperties properties) {
        return new ConsumerHealthIndicator(stalledPartitions, properties.stuckAfter());
    }

    /**
     * Adjusts Boot's listener container factories ({@link ListenerContainerFactories}); a post-processor is created
     * before other beans, so it takes nothing but a lazy provider.
     */
    @Bean
    static ListenerContainerFactories kitListenerContainerFactories(ObjectProvider<StalledPartitions> stalls) {
        return new ListenerContainerFactories(stalls);
    }

    /** The default converter plus the raw record, from which {@link IncomingEvent} reads the CloudEvents headers. */
    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    RecordMessageConverter kafkaRecordMessageConverter() {
        MessagingMessageConverter converter = new MessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    @Bean
    KafkaListenerConfigurer incomingEventParameters(JsonMapper json) {
        return registrar -> registrar.setCustomMethodArgumentResolvers(new IncomingEventArgumentResolver(json));
    }

    /** Listing and replaying this service's dead letters: {@code /admin/dead-letters/{topic}}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(ConsumerFactory.class)
    static class DeadLetterReplay {

        @Bean
        @ConditionalOnMissingBean
        DeadLetters deadLetters(ObjectProvider<ListenerContainerRegistry> registry, ConsumerFactory<?, ?> consumers) {
            // the registry is created by @EnableKafka's bootstrap, after this configuration is evaluated: ask late
            return new DeadLetters(() -> registry.getObject().getListenerContainers(), consumers, Duration.ofSeconds(10));
        }

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        return t == null || p == null || t == Tracer.NOOP ? OutboxTracing.disabled() : new OutboxTracing(t, p);
    }
}
