package io.skillwise.promotion.affiliate;

import java.time.Instant;
import java.util.UUID;

/** A user who joined a program, with the code they share. */
public record Membership(UUID id, UUID programId, UUID userId, String code, Instant joinedAt) {
}
