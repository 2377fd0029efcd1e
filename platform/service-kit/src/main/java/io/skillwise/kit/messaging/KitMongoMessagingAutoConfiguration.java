package io.skillwise.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skillwise.kit.messaging.mongo.MongoOutboxRelay;
import io.skillwise.kit.messaging.outbox.CloudEventSender;
import io.skillwise.kit.messaging.outbox.OutboxEntries;
import io.skillwise.kit.messaging.outbox.OutboxHealthIndicator;
import io.skillwise.kit.messaging.outbox.OutboxMetrics;
import io.skillwise.kit.messaging.outbox.OutboxTracing;
import io.skillwise.kit.messaging.outbox.RelayLoop;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;

/**
 * The in-document outbox and the idempotent update helper of a MongoDB service. The relay runs when the service
 * names its outbox-carrying collections in a {@link MongoOutboxCollections} bean.
 */
@AutoConfiguration(after = KitMessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MongoTemplate.class, ProducerFactory.class})
@ConditionalOnBean({MongoTemplate.class, OutboxEntries.class})
public class KitMongoMessagingAutoConfiguration {

    /** The {@code outbox} health component, for every relay of this service (JDBC, Mongo or both). */
    @Bean
    @ConditionalOnMissingBean(name = "outboxHealthIndicator")
    OutboxHealthIndicator outboxHealthIndicator(ObjectProvider<RelayLoop> relays) {
        return new OutboxHealthIndicator(relays);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoInbox mongoInbox(MongoTemplate mongo, ConsumerProperties consumers) {
        return new MongoInbox(mongo, consumers.mongoProcessedIds());
    }

    @Bean
    @ConditionalOnMissingBean
    MongoOutbox mongoOutbox(OutboxEntries entries, ObjectProvider<RelayLoop> relays) {
        // a service with both stores has two relays; this one wakes the Mongo relay, if there is one
        RelayLoop relay = relays.stream().filter(loop -> loop.name().equals(MongoOutboxRelay.NAME)).findFirst().orElse(null);
        return new MongoOutbox(entries, relay == null ? null : relay::wake);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MongoOutboxCollections.class)
    static class Relay {

        @Bean
        RelayLoop mongoOutboxRelay(MongoTemplate mongo, MongoOutboxCollections collections,
                                              ProducerFactory<?, ?> producers, OutboxTracing tracing,
                                              OutboxProperties properties, ObjectProvider<MeterRegistry> registry,
                                              Environment environment) {
            CloudEventSender sender = new CloudEventSender(producers.getConfigurationProperties(),
                    KitJdbcMessagingAutoConfiguration.applicationName(environment), tracing, properties.sendTimeout());
            MongoOutboxRelay relay = new MongoOutboxRelay(mongo, collections, sender, properties, Clock.systemUTC());
            relay.setMetrics(new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), "mongo",
                    relay::countPending, relay::countParked, relay::oldestPending, Clock.systemUTC()));
            return new RelayLoop(relay, properties, sender);
        }
    }
}
