package io.skillwise.review.replica;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as reviews show them, from identity's events: the public display name next to their reviews, and when the
 * account was made (screening treats young accounts' low ratings with more suspicion).
 *
 * @param displayName  absent once the account was deleted
 * @param registeredAt absent when only a profile update arrived
 * @param deleted      the account was deleted for good ({@code UserDeactivated})
 */
@Document(Person.COLLECTION)
public record Person(@Id UUID id, String displayName, Instant registeredAt, boolean deleted) {

    public static final String COLLECTION = "people";
}
