package io.skillwise.review.replica;

import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The people replica (collection {@value Person#COLLECTION}); one user's events share a key and come in order. */
@Repository
class PersonRepository {

    private final MongoTemplate mongo;
    private final MongoInbox inbox;

    PersonRepository(MongoTemplate mongo, MongoInbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    void apply(IncomingEvent event, UUID userId, Update update) {
        inbox.upsertOnce(event, query(where("_id").is(userId)), update, Person.class);
    }

    Optional<Person> find(UUID userId) {
        return Optional.ofNullable(mongo.findById(userId, Person.class));
    }

    List<Person> findAll(Collection<UUID> userIds) {
        return mongo.find(query(where("_id").in(userIds)), Person.class);
    }
}
