package io.skillwise.notification.replica;

import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserEvent;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.identity.UserRolesChanged;
import io.skillwise.kit.messaging.IncomingEvent;
import io.skillwise.kit.messaging.MongoInbox;
import io.skillwise.notification.MongoDocuments;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The users replica, fed by {@code identity.user.v1}: e-mail addresses and names for mail, roles to find the admins.
 * Each event is applied once (the kit's {@link MongoInbox}: the user's document remembers the events applied to it).
 */
@Service
public class UserReplica {

    private final MongoTemplate mongo;
    private final MongoInbox inbox;

    UserReplica(MongoTemplate mongo, MongoInbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoDocuments.ensureIndexes(mongo, UserDocument.class, new Index().on("roles", Sort.Direction.ASC));
    }

    void apply(IncomingEvent incoming, UserEvent event) {
        Query user = query(where("_id").is(event.userId().toString()));
        Update update = switch (event) {
            case UserRegistered registered -> new Update().set("email", registered.email())
                    .set("displayName", registered.displayName()).set("roles", names(registered.roles()))
                    .setOnInsert("erased", false);
            case UserProfileUpdated updated -> new Update().set("displayName", updated.displayName())
                    .setOnInsert("roles", List.of()).setOnInsert("erased", false);
            case UserRolesChanged changed -> new Update().set("roles", names(changed.roles()))
                    .setOnInsert("erased", false);
            case UserDeactivated ignored -> tombstone();
        };
        inbox.upsertOnce(incoming, user, update, UserDocument.class);
    }

    /**
     * Forgets the user (their e-mail address, name and roles) and remembers only that they are gone. Idempotent; also
     * called by the erasure of notifications, which may run before the replica has seen {@code UserDeactivated}.
     */
    public void erase(UUID userId) {
        mongo.upsert(query(where("_id").is(userId.toString())), tombstone(), UserDocument.class);
    }

    /** A user we can write to: known, not erased, with an e-mail address. */
    public Optional<User> find(UUID userId) {
        return Optional.ofNullable(mongo.findById(userId.toString(), UserDocument.class)).flatMap(UserReplica::toUser);
    }

    /** The reachable users among the ids. */
    public Map<UUID, User> findAll(Collection<UUID> userIds) {
        return mongo.find(query(where("_id").in(strings(userIds))), UserDocument.class).stream()
                .map(UserReplica::toUser).flatMap(Optional::stream)
                .collect(Collectors.toMap(User::id, Function.identity()));
    }

    /** The ids among these whose accounts were deleted: nothing may be delivered to them any more. */
    public Set<UUID> erasedAmong(Collection<UUID> userIds) {
        Query erased = query(where("_id").in(strings(userIds)).and("erased").is(true));
        return ids(erased).collect(Collectors.toCollection(HashSet::new));
    }

    /** Everybody who holds the admin role now. */
    public List<UUID> adminIds() {
        return ids(query(where("roles").is(UserRole.ADMIN.name()).and("erased").is(false))).toList();
    }

    private java.util.stream.Stream<UUID> ids(Query query) {
        query.fields().include("_id");
        return mongo.find(query, Document.class, UserDocument.COLLECTION).stream()
                .map(document -> UUID.fromString(document.getString("_id")));
    }

    private static Update tombstone() {
        return new Update().unset("email").unset("displayName").set("roles", List.of()).set("erased", true);
    }

    private static Optional<User> toUser(UserDocument document) {
        if (document.erased() || document.email() == null) {
            return Optional.empty();
        }
        Set<UserRole> roles = document.roles() == null ? Set.of()
                : document.roles().stream().map(UserRole::valueOf).collect(Collectors.toSet());
        String name = document.displayName() == null ? document.email() : document.displayName();
        return Optional.of(new User(UUID.fromString(document.id()), document.email(), name, roles));
    }

    private static List<String> names(Collection<UserRole> roles) {
        return roles.stream().map(UserRole::name).toList();
    }

    static List<String> strings(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
