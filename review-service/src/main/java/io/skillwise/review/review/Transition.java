package io.skillwise.review.review;

import io.skillwise.events.review.ReviewEvent;
import io.skillwise.review.moderation.ModerationLogEntry;

import java.util.List;
import java.util.Objects;

/**
 * One change of a review: its state after, the events it publishes and, for a moderator's decision, the log entry;
 * all written in one single-document update.
 *
 * @param logged absent when no moderator acted
 */
record Transition(Review before, Review after, List<ReviewEvent> events, ModerationLogEntry logged) {

    Transition {
        events = List.copyOf(events);
    }

    /** Whether the course's rating can move: the review started or stopped counting, or counts differently. */
    boolean movesRating() {
        return !Objects.equals(before.contribution(), after.contribution());
    }
}
