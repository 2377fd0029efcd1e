package io.skillwise.review.review;

import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModeratedContentKind;
import io.skillwise.events.review.ReviewEvent;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewRemovalReason;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.events.review.ReviewUpdated;
import io.skillwise.events.review.ReviewWithdrawn;
import io.skillwise.review.moderation.ModerationAction;
import io.skillwise.review.moderation.ModerationLogEntry;
import io.skillwise.review.moderation.ModerationState;
import io.skillwise.review.rating.RatingContribution;
import io.skillwise.review.screening.ScreeningFlag;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A learner's review of a course, and the rules of its life: screening holds it or lets it out, its author edits or
 * deletes it, the course owner replies, moderators decide about it, and it leaves when its author loses the course
 * or their account. Every change is a {@link Transition} computed here and written as one document update (with its
 * events in the document's outbox), guarded by {@code version}.
 *
 * <p>Reports and helpful votes are kept in the same document but changed by their own atomic updates, so they are
 * not part of this record.
 *
 * @param slot              {@code courseId:authorId} while this is the author's review of the course (a unique
 *                          index makes it one per learner and course); released when the review no longer holds it
 * @param removalReason     why it was removed; absent unless REMOVED
 * @param commentHash       fingerprint of the comment's words, to spot copies
 * @param flags             why screening held it; empty when it passed
 * @param hiddenReason      the moderator's reason, shown to the author; absent unless HIDDEN
 * @param reply             the course owner's reply; absent until there is one
 * @param authorNewAccount  the author's account was young when the review was written (screening)
 * @param revision          the author's text revision, 1 for the first one
 * @param announcedRevision the revision the public last saw (in ReviewPosted or ReviewUpdated); absent until the
 *                          review was first visible
 * @param version           bumped by every write, reports included
 * @param ratingPending     a change that can move the course's rating is not known to be counted yet
 * @param editedAt          the author's last edit; absent when never edited
 * @param changedAt         the last change of any kind
 */
@Document(Review.COLLECTION)
public record Review(
        @Id UUID id,
        UUID courseId,
        UUID instructorId,
        UUID authorId,
        String slot,
        ReviewStatus status,
        RemovalReason removalReason,
        int rating,
        Integer contentQuality,
        Integer instructorEffectiveness,
        String comment,
        String commentHash,
        Set<ScreeningFlag> flags,
        String hiddenReason,
        Reply reply,
        long helpfulCount,
        ModerationState moderation,
        boolean authorNewAccount,
        int revision,
        Integer announcedRevision,
        long version,
        boolean ratingPending,
        Instant createdAt,
        Instant editedAt,
        Instant changedAt) {

    public static final String COLLECTION = "reviews";

    public Review {
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        moderation = moderation == null ? ModerationState.none() : moderation;
    }

    /** The slot of a learner's one current review of a course. */
    static String slotOf(UUID courseId, UUID authorId) {
        return courseId + ":" + authorId;
    }

    /** A new review: public at once, or held for a moderator when screening flagged it. */
    static Transition write(UUID id, UUID courseId, UUID instructorId, UUID authorId, Stars stars, String comment,
                            String commentHash, Set<ScreeningFlag> flags, boolean authorNewAccount, Instant now) {
        boolean held = !flags.isEmpty();
        Review draft = new Review(id, courseId, instructorId, authorId, slotOf(courseId, authorId),
                ReviewStatus.PENDING, null, stars.rating(), stars.contentQuality(), stars.instructorEffectiveness(),
                comment, commentHash, flags, null, null, 0, ModerationState.none(), authorNewAccount, 1, null, 0,
                false, now, null, now);
        Review written = held ? draft.with(ReviewStatus.PENDING, draft.moderation.held(now)) : draft.published(now);
        return draft.to(written.counted(draft), written.visibilityEvents(draft, null, now), null);
    }

    /** Stars and aspect stars as given. */
    record Stars(int rating, Integer contentQuality, Integer instructorEffectiveness) {
    }

    /** What this review adds to its course's rating; absent unless it is visible. */
    RatingContribution contribution() {
        return status == ReviewStatus.VISIBLE
                ? new RatingContribution(rating, contentQuality, instructorEffectiveness, createdAt) : null;
    }

    boolean isVisible() {
        return status == ReviewStatus.VISIBLE;
    }

    /**
     * The author's edit. A visible review stays visible when screening passes the new text, else it is held; a
     * held one stays held; a hidden one goes back to a moderator, who hid it for a reason the author may have fixed.
     */
    Transition edit(Stars stars, String newComment, String newHash, Set<ScreeningFlag> newFlags, Instant now) {
        requireNotRemoved();
        Review edited = new Review(id, courseId, instructorId, authorId, slot, status, null, stars.rating(),
                stars.contentQuality(), stars.instructorEffectiveness(), newComment, newHash, newFlags, null, reply,
                helpfulCount, moderation, authorNewAccount, revision + 1, announcedRevision, version, ratingPending,
                createdAt, now, now);
        Review after = switch (status) {
            case VISIBLE -> newFlags.isEmpty() ? edited.published(now)
                    : edited.with(ReviewStatus.PENDING, moderation.held(now));
            case PENDING, HIDDEN -> edited.with(ReviewStatus.PENDING, moderation.held(now));
            case REMOVED -> throw new IllegalStateException("checked above");
        };
        return to(after.counted(this), after.visibilityEvents(this, null, now), null);
    }

    /** The author deletes it; they may write a new one later. */
    Transition deleteByAuthor(Instant now) {
        requireNotRemoved();
        Review after = removed(RemovalReason.DELETED_BY_AUTHOR, now);
        List<ReviewEvent> events = isVisible()
                ? List.of(removedEvent(ReviewRemovalReason.DELETED_BY_AUTHOR, authorId, now)) : List.of();
        return to(after.counted(this), events, null);
    }

    /** A moderator's (or an admin's) decision, logged with the change. */
    Transition moderate(ModerationAction action, UUID moderatorId, String reason, Instant now) {
        ReviewStatus next = switch (action) {
            case APPROVE -> {
                if (status != ReviewStatus.PENDING && !(isVisible() && moderation.open())) {
                    throw new ReviewConflict("only a held or reported review can be approved; this one is "
                            + status);
                }
                yield ReviewStatus.VISIBLE;
            }
            case HIDE -> {
                if (status != ReviewStatus.PENDING && !isVisible()) {
                    throw new ReviewConflict("only a held or visible review can be hidden; this one is " + status);
                }
                yield ReviewStatus.HIDDEN;
            }
            case REMOVE -> {
                requireNotRemoved();
                yield ReviewStatus.REMOVED;
            }
            case RESTORE -> {
                if (status != ReviewStatus.HIDDEN) {
                    throw new ReviewConflict("only a hidden review can be restored; this one is " + status);
                }
                yield ReviewStatus.VISIBLE;
            }
        };
        Review after = switch (next) {
            case VISIBLE -> published(now).with(ReviewStatus.VISIBLE, moderation.decided(now)).withHiddenReason(null);
            case HIDDEN -> with(ReviewStatus.HIDDEN, moderation.decided(now)).withHiddenReason(reason);
            case REMOVED -> removed(RemovalReason.MODERATED, now).with(ReviewStatus.REMOVED, moderation.decided(now));
            case PENDING -> throw new IllegalStateException("no action holds a review");
        };
        List<ReviewEvent> events = new ArrayList<>(after.visibilityEvents(this, moderatorId, now));
        events.add(new ContentModerated(ModeratedContentKind.REVIEW, id, courseId, instructorId, authorId,
                action.decision(), reason, moderatorId, now));
        return to(after.counted(this).changed(now), events, new ModerationLogEntry(action, moderatorId, reason, now));
    }

    /** The author lost the course (refund, lost dispute, admin revocation): the review leaves with it. */
    Transition withdraw(UUID enrollmentId, Instant now) {
        requireNotRemoved();
        Review after = removed(RemovalReason.ENROLLMENT_REVOKED, now);
        List<ReviewEvent> events = isVisible()
                ? List.of(new ReviewWithdrawn(id, courseId, instructorId, authorId, enrollmentId, now)) : List.of();
        return to(after.counted(this), events, null);
    }

    /**
     * The author's account was deleted: the review is removed and what they wrote is forgotten. A review removed
     * earlier is erased too, without new events.
     */
    Transition erase(Instant now) {
        if (status == ReviewStatus.REMOVED && comment == null) {
            throw new ReviewConflict("already erased");
        }
        Review gone = status == ReviewStatus.REMOVED ? this : removed(RemovalReason.AUTHOR_DEACTIVATED, now);
        Review after = new Review(id, courseId, instructorId, authorId, gone.slot, gone.status, gone.removalReason,
                rating, contentQuality, instructorEffectiveness, null, null, flags, null, null, helpfulCount,
                gone.moderation, authorNewAccount, revision, announcedRevision, version, ratingPending, createdAt,
                editedAt, now);
        List<ReviewEvent> events = isVisible()
                ? List.of(removedEvent(ReviewRemovalReason.AUTHOR_DEACTIVATED, null, now)) : List.of();
        return to(after.counted(this), events, null);
    }

    /** The course owner's public reply, first or edited. */
    Transition reply(String text, Instant now) {
        if (!isVisible()) {
            throw new ReviewConflict("only a visible review can be replied to");
        }
        boolean edited = reply != null;
        Reply next = new Reply(text, edited ? reply.createdAt() : now, now);
        Review after = new Review(id, courseId, instructorId, authorId, slot, status, removalReason, rating,
                contentQuality, instructorEffectiveness, comment, commentHash, flags, hiddenReason, next, helpfulCount,
                moderation, authorNewAccount, revision, announcedRevision, version, ratingPending, createdAt, editedAt,
                now);
        return to(after, List.of(new ReviewReplied(id, courseId, instructorId, authorId, text, edited, now)), null);
    }

    private void requireNotRemoved() {
        if (status == ReviewStatus.REMOVED) {
            throw new ReviewConflict("the review was removed");
        }
    }

    private Transition to(Review after, List<ReviewEvent> events, ModerationLogEntry logged) {
        return new Transition(this, after, events, logged);
    }

    /** Visible, with the public now knowing the current text. */
    private Review published(Instant now) {
        return new Review(id, courseId, instructorId, authorId, slot, ReviewStatus.VISIBLE, null, rating,
                contentQuality, instructorEffectiveness, comment, commentHash, flags, null, reply, helpfulCount,
                moderation, authorNewAccount, revision, revision, version, ratingPending, createdAt, editedAt, now);
    }

    private Review removed(RemovalReason reason, Instant now) {
        String released = reason.freesTheSlot() ? "released:" + id : slot;
        return new Review(id, courseId, instructorId, authorId, released, ReviewStatus.REMOVED, reason, rating,
                contentQuality, instructorEffectiveness, comment, commentHash, flags, null, reply, helpfulCount,
                moderation.closed(), authorNewAccount, revision, announcedRevision, version, ratingPending, createdAt,
                editedAt, now);
    }

    private Review with(ReviewStatus newStatus, ModerationState newModeration) {
        return new Review(id, courseId, instructorId, authorId, slot, newStatus, removalReason, rating, contentQuality,
                instructorEffectiveness, comment, commentHash, flags, hiddenReason, reply, helpfulCount,
                newModeration, authorNewAccount, revision, announcedRevision, version, ratingPending, createdAt,
                editedAt, changedAt);
    }

    private Review withHiddenReason(String reason) {
        return new Review(id, courseId, instructorId, authorId, slot, status, removalReason, rating, contentQuality,
                instructorEffectiveness, comment, commentHash, flags, reason, reply, helpfulCount, moderation,
                authorNewAccount, revision, announcedRevision, version, ratingPending, createdAt, editedAt, changedAt);
    }

    private Review changed(Instant now) {
        return new Review(id, courseId, instructorId, authorId, slot, status, removalReason, rating, contentQuality,
                instructorEffectiveness, comment, commentHash, flags, hiddenReason, reply, helpfulCount, moderation,
                authorNewAccount, revision, announcedRevision, version, ratingPending, createdAt, editedAt, now);
    }

    /** Marks the change as uncounted when it can move the rating (or keeps an earlier uncounted mark). */
    private Review counted(Review before) {
        boolean pending = before.ratingPending || !Objects.equals(before.contribution(), contribution());
        return new Review(id, courseId, instructorId, authorId, slot, status, removalReason, rating, contentQuality,
                instructorEffectiveness, comment, commentHash, flags, hiddenReason, reply, helpfulCount, moderation,
                authorNewAccount, revision, announcedRevision, version, pending, createdAt, editedAt, changedAt);
    }

    /**
     * What the public learns when this review's visibility or text changes from {@code before}: its first
     * appearance is {@code ReviewPosted}, a reappearance with changed text {@code ReviewUpdated}, a disappearance
     * {@code ReviewRemoved} (by a moderator, or by screening when {@code actorId} is absent).
     */
    private List<ReviewEvent> visibilityEvents(Review before, UUID actorId, Instant now) {
        if (isVisible() && before.announcedRevision == null) {
            return List.of(new ReviewPosted(id, courseId, instructorId, authorId, rating, contentQuality,
                    instructorEffectiveness, comment, now));
        }
        if (isVisible() && before.announcedRevision < revision) {
            return List.of(new ReviewUpdated(id, courseId, instructorId, authorId, rating, contentQuality,
                    instructorEffectiveness, comment, now));
        }
        if (!isVisible() && before.isVisible()) {
            return List.of(before.removedEvent(ReviewRemovalReason.MODERATED, actorId, now));
        }
        return List.of();
    }

    private ReviewRemoved removedEvent(ReviewRemovalReason reason, UUID actorId, Instant now) {
        return new ReviewRemoved(id, courseId, instructorId, authorId, reason, actorId, now);
    }
}
