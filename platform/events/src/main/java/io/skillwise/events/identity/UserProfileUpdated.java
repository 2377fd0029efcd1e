package io.skillwise.events.identity;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's public profile changed; carries the whole public profile so that replicas (instructor names in the
 * catalog, author names in reviews) simply overwrite what they hold.
 *
 * @param userId        whose profile changed
 * @param displayName   the name shown to other users
 * @param headline      short professional headline; absent when not set
 * @param avatarUrl     stable URL of the avatar image; absent when not set
 * @param expertise     areas of expertise, possibly empty
 * @param changedFields names of the profile fields this change touched, e.g. {@code displayName}
 * @param actorId       who made the change: the user or an admin
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
        Instant occurredAt) implements UserEvent {

    public UserProfileUpdated {
        requireNonNull(userId, "userId");
        requireNonNull(displayName, "displayName");
        expertise = List.copyOf(requireNonNull(expertise, "expertise"));
        changedFields = List.copyOf(requireNonNull(changedFields, "changedFields"));
        requireNonNull(actorId, "actorId");
        requireNonNull(occurredAt, "occurredAt");
    }
}
