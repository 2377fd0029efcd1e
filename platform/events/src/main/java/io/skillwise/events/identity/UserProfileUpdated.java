package io.skillwise.events.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's public profile changed; carries the whole public profile so that replicas (instructor names in the
 * catalog, author names in reviews) simply overwrite what they hold, and the name and address the user wants on the
 * documents issued to them (certificates by enrollment-service, invoices by payment-service), so that those services
 * print them without asking identity.
 *
 * @param userId        whose profile changed
 * @param displayName   the name shown to other users
 * @param headline      short professional headline; absent when not set
 * @param avatarUrl     stable URL of the avatar image; absent when not set
 * @param expertise     areas of expertise, possibly empty
 * @param changedFields names of the profile fields this change touched, e.g. {@code displayName}
 * @param actorId       who made the change: the user or an admin
 * @param certificateName the name printed on certificates and invoices; absent when the user has not chosen one
 *                        (documents then carry {@code displayName}) and in events published before it existed
 * @param billingAddress  the address printed on invoices; absent when the user has given none
 * @param occurredAt    when the change was saved
 */
public record UserProfileUpdated(
        UUID userId,
        String displayName,
        String headline,
        String avatarUrl,
        List<String> expertise,
        List<String> changedFields,
        UUID actorId,
        Instant occurredAt,
        String certificateName,
        BillingAddress billingAddress) implements UserEvent {

    public UserProfileUpdated {
        requireNonNull(userId, "userId");
        requireNonNull(displayName, "displayName");
        expertise = List.copyOf(requireNonNull(expertise, "expertise"));
        changedFields = List.copyOf(requireNonNull(changedFields, "changedFields"));
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }

    /** A change of a user who has chosen no certificate name and given no billing address. */
    public UserProfileUpdated(UUID userId, String displayName, String headline, String avatarUrl,
                              List<String> expertise, List<String> changedFields, UUID actorId, Instant occurredAt) {
        this(userId, displayName, headline, avatarUrl, expertise, changedFields, actorId, occurredAt, null, null);
    }
}
