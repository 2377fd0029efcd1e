package io.skillwise.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.skillwise.kit.messaging.consumer.ConsumerErrorHandling;
import io.skillwise.kit.messaging.consumer.IncomingEventArgumentResolver;
import io.skillwise.kit.messaging.outbox.OutboxEntries;
import io.skillwise.kit.messaging.outbox.OutboxTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * What every service's messaging shares, whatever its store: turning events into outbox entries (catalog topic and
 * type, JSON, trace context), {@link IncomingEvent} parameters for listeners, and the listeners' error handling
 * (bounded retries, then {@code <topic>.dlt}). The store-specific outboxes and inboxes are in
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
    OutboxEntries outboxEntries(JsonMapper json, OutboxTracing tracing, OutboxProperties properties) {
        // the system clock, not a service's (possibly fixed) domain clock: recordedAt measures the relay
        return new OutboxEntries(json, tracing, properties, Clock.systemUTC());
    }

    /** The listeners' error handler; Boot's listener container factory picks up the single CommonErrorHandler. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, ConsumerProperties properties,
                                         ObjectProvider<MeterRegistry> meters) {
        return ConsumerErrorHandling.errorHandler(template, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
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

    @Bean
    @ConditionalOnMissingBean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        return t == null || p == null || t == Tracer.NOOP ? OutboxTracing.disabled() : new OutboxTracing(t, p);
    }
}
