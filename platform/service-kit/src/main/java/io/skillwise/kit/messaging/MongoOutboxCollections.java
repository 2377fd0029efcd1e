package io.skillwise.kit.messaging;

import java.util.List;

/**
 * The collections of a MongoDB service whose documents carry an outbox (a list of {@link OutboxEntry} in the field
 * {@value MongoOutbox#FIELD}). Declaring this bean starts the Mongo relay:
 *
 * <pre>{@code
 * @Bean
 * MongoOutboxCollections outboxCollections() {
 *     return MongoOutboxCollections.of("reviews", "course_ratings");
 * }
 * }</pre>
 */
public record MongoOutboxCollections(List<String> names) {

    public MongoOutboxCollections {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one collection that carries an outbox");
        }
    }

    public static MongoOutboxCollections of(String... names) {
        return new MongoOutboxCollections(List.of(names));
    }
}
