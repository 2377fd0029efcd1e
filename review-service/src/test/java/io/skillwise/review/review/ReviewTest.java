package io.skillwise.review.review;

import io.skillwise.events.review.ContentModerated;
import io.skillwise.events.review.ModerationDecision;
import io.skillwise.events.review.ReviewPosted;
import io.skillwise.events.review.ReviewRemovalReason;
import io.skillwise.events.review.ReviewRemoved;
import io.skillwise.events.review.ReviewReplied;
import io.skillwise.events.review.ReviewUpdated;
import io.skillwise.events.review.ReviewWithdrawn;
import io.skillwise.review.moderation.ModerationAction;
import io.skillwise.review.review.Review.Stars;
import io.skillwise.review.screening.ScreeningFlag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTest {

    private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
    private static final UUID MODERATOR = UUID.randomUUID();

    private static Review written(Set<ScreeningFlag> flags) {
        return Review.write(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Stars(4, 5, null), "Good.", "hash", flags, false, NOW).after();
    }

    @Test
    void aReviewThatPassesScreeningIsPublicAndAnnounced() {
        Transition written = Review.write(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Stars(4, 5, null), "Good.", "hash", Set.of(), false, NOW);

        assertThat(written.after().status()).isEqualTo(ReviewStatus.VISIBLE);
        assertThat(written.events()).singleElement().isInstanceOf(ReviewPosted.class);
        assertThat(written.movesRating()).isTrue();
        assertThat(written.after().ratingPending()).isTrue();
    }

    @Test
    void aHeldReviewIsAnnouncedOnlyWhenApproved() {
        Transition held = Review.write(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                new Stars(1, null, null), "Link.", "hash", Set.of(ScreeningFlag.LINK), true, NOW);

        assertThat(held.after().status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(held.after().moderation().open()).isTrue();
        assertThat(held.events()).isEmpty();
        assertThat(held.movesRating()).isFalse();

        Transition approved = held.after().moderate(ModerationAction.APPROVE, MODERATOR, null, NOW);

        assertThat(approved.after().status()).isEqualTo(ReviewStatus.VISIBLE);
        assertThat(approved.after().moderation().open()).isFalse();
        assertThat(approved.events()).hasExactlyElementsOfTypes(ReviewPosted.class, ContentModerated.class);
        assertThat(approved.logged().moderatorId()).isEqualTo(MODERATOR);
    }

    @Test
    void anEditThatTripsScreeningTakesTheReviewDownUntilApproved() {
        Review visible = written(Set.of());

        Transition edited = visible.edit(new Stars(4, 5, null), "See www.x.com", "h2", Set.of(ScreeningFlag.LINK), NOW);

        assertThat(edited.after().status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(edited.events()).singleElement().isInstanceOfSatisfying(ReviewRemoved.class, removed -> {
            assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.MODERATED);
            assertThat(removed.actorId()).as("screening, not a person").isNull();
        });
        Transition approved = edited.after().moderate(ModerationAction.APPROVE, MODERATOR, null, NOW);
        assertThat(approved.events()).hasExactlyElementsOfTypes(ReviewUpdated.class, ContentModerated.class);
    }

    @Test
    void aCleanEditIsAnUpdate() {
        Review visible = written(Set.of());

        Transition edited = visible.edit(new Stars(2, 5, null), "Worse on second look.", "h2", Set.of(), NOW);

        assertThat(edited.after().revision()).isEqualTo(2);
        assertThat(edited.events()).singleElement().isInstanceOf(ReviewUpdated.class);
        assertThat(edited.movesRating()).isTrue();
        Transition commentOnly = visible.edit(new Stars(4, 5, null), "Same stars.", "h3", Set.of(), NOW);
        assertThat(commentOnly.movesRating()).isFalse();
    }

    @Test
    void hidingRestoringAndRemovingFollowTheRules() {
        Review visible = written(Set.of());

        Transition hidden = visible.moderate(ModerationAction.HIDE, MODERATOR, "Rude.", NOW);
        assertThat(hidden.after().hiddenReason()).isEqualTo("Rude.");
        assertThat(hidden.events()).hasExactlyElementsOfTypes(ReviewRemoved.class, ContentModerated.class);
        assertThatThrownBy(() -> hidden.after().moderate(ModerationAction.APPROVE, MODERATOR, null, NOW))
                .isInstanceOf(ReviewConflict.class);

        Transition restored = hidden.after().moderate(ModerationAction.RESTORE, MODERATOR, null, NOW);
        assertThat(restored.after().status()).isEqualTo(ReviewStatus.VISIBLE);
        assertThat(restored.after().hiddenReason()).isNull();
        assertThat(restored.events()).singleElement().isInstanceOfSatisfying(ContentModerated.class,
                moderated -> assertThat(moderated.decision()).isEqualTo(ModerationDecision.RESTORED));

        Transition removed = restored.after().moderate(ModerationAction.REMOVE, MODERATOR, "Fake.", NOW);
        assertThat(removed.after().slot()).as("the author may not post again").isEqualTo(visible.slot());
        assertThatThrownBy(() -> removed.after().moderate(ModerationAction.REMOVE, MODERATOR, "x", NOW))
                .isInstanceOf(ReviewConflict.class);
    }

    @Test
    void leavingAuthorsFreeTheirSlot() {
        Review visible = written(Set.of());

        Transition deleted = visible.deleteByAuthor(NOW);
        Transition withdrawn = visible.withdraw(UUID.randomUUID(), NOW);
        Transition erased = visible.erase(NOW);

        assertThat(deleted.after().slot()).startsWith("released:");
        assertThat(deleted.events()).singleElement().isInstanceOfSatisfying(ReviewRemoved.class,
                removed -> assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.DELETED_BY_AUTHOR));
        assertThat(withdrawn.events()).singleElement().isInstanceOf(ReviewWithdrawn.class);
        assertThat(erased.after().comment()).isNull();
        assertThat(erased.events()).singleElement().isInstanceOfSatisfying(ReviewRemoved.class,
                removed -> assertThat(removed.reason()).isEqualTo(ReviewRemovalReason.AUTHOR_DEACTIVATED));
        assertThat(written(Set.of(ScreeningFlag.LINK)).withdraw(UUID.randomUUID(), NOW).events())
                .as("nobody saw a held review").isEmpty();
        assertThatThrownBy(() -> erased.after().erase(NOW)).isInstanceOf(ReviewConflict.class);
    }

    @Test
    void theOwnersReplyIsOneAndEditable() {
        Review visible = written(Set.of());

        Transition first = visible.reply("Thanks!", NOW);
        Transition edited = first.after().reply("Thanks a lot!", NOW.plusSeconds(60));

        assertThat(first.events()).singleElement().isInstanceOfSatisfying(ReviewReplied.class,
                replied -> assertThat(replied.edited()).isFalse());
        assertThat(edited.after().reply().createdAt()).isEqualTo(NOW);
        assertThat(edited.after().reply().updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(edited.movesRating()).isFalse();
        assertThatThrownBy(() -> written(Set.of(ScreeningFlag.LINK)).reply("Hi", NOW))
                .isInstanceOf(ReviewConflict.class);
    }
}
