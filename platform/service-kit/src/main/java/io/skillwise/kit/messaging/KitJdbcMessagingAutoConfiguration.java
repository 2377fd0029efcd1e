package io.skillwise.kit.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skillwise.kit.messaging.outbox.CloudEventSender;
import io.skillwise.kit.messaging.outbox.JdbcEventPublisher;
import io.skillwise.kit.messaging.outbox.JdbcOutboxRelay;
import io.skillwise.kit.messaging.outbox.JdbcOutboxStore;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The transactional outbox and the inbox of a PostgreSQL service: {@link EventPublisher} writes events into
 * {@code outbox_event} in the caller's transaction, a relay thread publishes them, {@link Inbox} records processed
 * event ids with the handler's change. The tables come from the kit's Flyway migration.
 */
@AutoConfiguration(after = KitMessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({JdbcClient.class, KafkaTemplate.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean({PlatformTransactionManager.class, OutboxEntries.class})
public class KitJdbcMessagingAutoConfiguration {

    @Bean
    JdbcOutboxStore outboxStore(DataSource dataSource) {
        return new JdbcOutboxStore(JdbcClient.create(dataSource));
    }

    @Bean
    RelayLoop jdbcOutboxRelay(JdbcOutboxStore store, PlatformTransactionManager transactionManager,
                              ProducerFactory<?, ?> producers, OutboxTracing tracing, OutboxProperties properties,
                              ConsumerProperties consumers, ObjectProvider<MeterRegistry> registry, Environment environment) {
        CloudEventSender sender = new CloudEventSender(producers.getConfigurationProperties(),
                applicationName(environment), tracing, properties.sendTimeout());
        OutboxMetrics metrics = new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), "jdbc",
                store::countPending, store::countParked, store::oldestPending, Clock.systemUTC());
        JdbcOutboxRelay relay = new JdbcOutboxRelay(store, new TransactionTemplate(transactionManager), sender, metrics,
                properties, consumers.inboxRetention(), Clock.systemUTC());
        return new RelayLoop(relay, properties, sender);
    }

    /** The {@code outbox} health component, for every relay of this service (JDBC, Mongo or both). */
    @Bean
    @ConditionalOnMissingBean(name = "outboxHealthIndicator")
    OutboxHealthIndicator outboxHealthIndicator(ObjectProvider<RelayLoop> relays) {
        return new OutboxHealthIndicator(relays);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(OutboxEntries entries, JdbcOutboxStore store, RelayLoop jdbcOutboxRelay) {
        return new JdbcEventPublisher(entries, store, jdbcOutboxRelay);
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(DataSource dataSource, PlatformTransactionManager transactionManager, ConsumerProperties consumers,
                Environment environment) {
        String name = consumers.inboxName().isBlank() ? applicationName(environment) : consumers.inboxName();
        return new Inbox(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), name);
    }

    static String applicationName(Environment environment) {
        return environment.getProperty("spring.application.name", "application");
    }
}
