package io.skillwise.review.review;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.SecondFactorPolicy;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.review.moderation.ModerationAction;
import io.skillwise.review.moderation.Report;
import io.skillwise.review.rating.RatingService;
import io.skillwise.review.replica.AccountDeleted;
import io.skillwise.review.replica.CourseReplica;
import io.skillwise.review.replica.Enrollment;
import io.skillwise.review.replica.EnrollmentReplica;
import io.skillwise.review.replica.EnrollmentState;
import io.skillwise.review.replica.LearnerLostCourse;
import io.skillwise.review.replica.PeopleReplica;
import io.skillwise.review.review.Review.Stars;
import io.skillwise.review.review.ReviewRequests.EditReviewRequest;
import io.skillwise.review.review.ReviewRequests.PostReviewRequest;
import io.skillwise.review.review.ReviewViews.CourseReviewsView;
import io.skillwise.review.review.ReviewViews.EligibilityView;
import io.skillwise.review.review.ReviewViews.HelpfulView;
import io.skillwise.review.review.ReviewViews.ReviewView;
import io.skillwise.review.screening.Screening;
import io.skillwise.review.screening.ScreeningFlag;
import io.skillwise.review.screening.ScreeningInput;
import io.skillwise.review.screening.ScreeningProperties;
import io.skillwise.review.text.Texts;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reviews: who may write one, writing, editing and deleting, replies, helpful votes and reports, moderators'
 * decisions, and what happens when an author loses the course or their account. Each change is one conditional
 * write of the review (events included), then the course's rating is recomputed if the change can move it.
 */
@Service
public class ReviewService {

    /** Conflicting writes on one review are rare (an edit racing a report); a few tries settle them. */
    private static final int MAX_ATTEMPTS = 10;

    private final ReviewRepository reviews;
    private final EnrollmentReplica enrollments;
    private final CourseReplica courses;
    private final PeopleReplica people;
    private final Screening screening;
    private final RatingService ratings;
    private final SecondFactorPolicy secondFactor;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, EnrollmentReplica enrollments, CourseReplica courses, PeopleReplica people,
                  Screening screening, RatingService ratings, SecondFactorPolicy secondFactor, Clock clock) {
        this.reviews = reviews;
        this.enrollments = enrollments;
        this.courses = courses;
        this.people = people;
        this.screening = screening;
        this.ratings = ratings;
        this.secondFactor = secondFactor;
        this.clock = clock;
    }

    // --- writing ------------------------------------------------------------------------------------------------

    public ReviewView post(UUID courseId, PostReviewRequest request, CurrentUser caller) {
        Enrollment enrollment = requireEligible(courseId, caller);
        UUID instructorId = courses.instructorOf(courseId).orElse(enrollment.instructorId());
        if (instructorId == null) {
            // an enrollment always names its instructor; a replica without one is a bug, not the learner's fault
            throw new IllegalStateException("no instructor known for course " + courseId);
        }
        String comment = Texts.normalize(request.comment());
        requireText(comment, "comment");
        Stars stars = new Stars(request.rating(), request.contentQuality(), request.instructorEffectiveness());
        Instant now = clock.instant();
        boolean newAccount = people.isNewAccount(caller.id(), screening.properties().bombing().newAccountAge(), now);
        Set<ScreeningFlag> flags = screen(courseId, caller.id(), null, stars.rating(), comment, newAccount, now);
        Transition written = Review.write(UUID.randomUUID(), courseId, instructorId, caller.id(), stars, comment,
                Screening.fingerprint(comment), flags, newAccount, now);
        try {
            reviews.insert(written);
        } catch (DuplicateKeyException second) {
            throw alreadyReviewed(courseId);
        }
        afterChange(written);
        return view(written.after(), caller);
    }

    public ReviewView edit(UUID reviewId, EditReviewRequest request, CurrentUser caller) {
        if (request.isEmpty()) {
            throw ApiException.badRequest("send at least one of rating, contentQuality, instructorEffectiveness, "
                    + "comment");
        }
        String newComment = request.comment() == null ? null : Texts.normalize(request.comment());
        if (newComment != null) {
            requireText(newComment, "comment");
        }
        Review edited = change(reviewId, caller, review -> {
            requireAuthor(review, caller);
            requireEligible(review.courseId(), caller);
            Stars stars = new Stars(
                    request.rating() != null ? request.rating() : review.rating(),
                    request.contentQuality() != null ? request.contentQuality() : review.contentQuality(),
                    request.instructorEffectiveness() != null ? request.instructorEffectiveness()
                            : review.instructorEffectiveness());
            String comment = newComment != null ? newComment : review.comment();
            Instant now = clock.instant();
            Set<ScreeningFlag> flags = screen(review.courseId(), caller.id(), review.id(), stars.rating(), comment,
                    review.authorNewAccount(), now);
            return review.edit(stars, comment, Screening.fingerprint(comment), flags, now);
        });
        return view(edited, caller);
    }

    /** The author deletes their review; an admin removes anyone's, as a logged moderation. */
    public void delete(UUID reviewId, String reason, CurrentUser caller) {
        change(reviewId, caller, review -> {
            if (review.status() == ReviewStatus.REMOVED) {
                throw ApiException.notFound("review " + reviewId);
            }
            if (review.authorId().equals(caller.id())) {
                return review.deleteByAuthor(clock.instant());
            }
            if (caller.isAdmin()) {
                String why = reason == null || reason.isBlank() ? "Deleted by an admin." : reason.strip();
                return review.moderate(ModerationAction.REMOVE, caller.id(), why, clock.instant());
            }
            throw notYours(review);
        });
    }

    /** The course owner's public reply: {@code first} posts it (once), otherwise it edits the one there is. */
    public ReviewView reply(UUID reviewId, String text, boolean first, CurrentUser caller) {
        String reply = Texts.normalize(text);
        requireText(reply, "text");
        Review replied = change(reviewId, caller, review -> {
            if (!review.isVisible()) {
                throw ApiException.notFound("review " + reviewId);
            }
            if (!review.instructorId().equals(caller.id())) {
                throw ApiException.forbidden("only the course's instructor replies to its reviews");
            }
            secondFactor.requireForInstructor(caller, "reply to reviews");
            if (first && review.reply() != null) {
                throw new ApiException(HttpStatus.CONFLICT, "already-replied",
                        "You replied to this review already; PATCH /api/v1/reviews/" + reviewId + "/reply edits it.");
            }
            if (!first && review.reply() == null) {
                throw ApiException.notFound("a reply to review " + reviewId);
            }
            return review.reply(reply, clock.instant());
        });
        return view(replied, caller);
    }

    // --- votes and reports --------------------------------------------------------------------------------------

    public HelpfulView vote(UUID reviewId, CurrentUser caller) {
        Review review = visible(reviewId);
        if (review.authorId().equals(caller.id())) {
            throw ApiException.forbidden("you cannot vote for your own review");
        }
        if (review.instructorId().equals(caller.id())) {
            throw ApiException.forbidden("you cannot vote for reviews of your own course");
        }
        if (!reviews.vote(reviewId, caller.id())) {
            visible(reviewId);
            throw new ApiException(HttpStatus.CONFLICT, "already-voted", "You found this review helpful already.");
        }
        return new HelpfulView(reviewId, visible(reviewId).helpfulCount(), true);
    }

    public HelpfulView unvote(UUID reviewId, CurrentUser caller) {
        if (!reviews.unvote(reviewId, caller.id())) {
            throw ApiException.notFound("your helpful vote for review " + reviewId);
        }
        return new HelpfulView(reviewId, reviews.find(reviewId).map(Review::helpfulCount).orElse(0L), false);
    }

    /** Once per user and review; puts the review into the moderation queue. */
    public void report(UUID reviewId, String reason, CurrentUser caller) {
        Review review = visible(reviewId);
        if (review.authorId().equals(caller.id())) {
            throw ApiException.forbidden("you cannot report your own review; edit or delete it instead");
        }
        String why = Texts.normalize(reason);
        requireText(why, "reason");
        if (!reviews.report(reviewId, new Report(caller.id(), why, clock.instant()))) {
            if (reviews.reportedBy(reviewId, caller.id())) {
                throw new ApiException(HttpStatus.CONFLICT, "already-reported", "You reported this review already.");
            }
            throw ApiException.notFound("review " + reviewId);
        }
    }

    // --- moderation ---------------------------------------------------------------------------------------------

    /** A moderator's decision from the queue. */
    Review moderate(UUID reviewId, ModerationAction action, String reason, CurrentUser moderator) {
        return change(reviewId, moderator, review -> review.moderate(action, moderator.id(), reason, clock.instant()));
    }

    /** The author's enrollment was revoked in a way that takes the review with it (ADR 0013). */
    @EventListener
    public void on(LearnerLostCourse lost) {
        reviews.current(lost.courseId(), lost.studentId()).filter(review -> review.status() != ReviewStatus.REMOVED)
                .ifPresent(review -> changeQuietly(review.id(),
                        current -> current.status() == ReviewStatus.REMOVED ? null
                                : current.withdraw(lost.enrollmentId(), clock.instant())));
    }

    /** The author's account was deleted: their reviews go and what they wrote is forgotten (ADR 0013). */
    @EventListener
    public void on(AccountDeleted deleted) {
        for (Review review : reviews.byAuthor(deleted.userId())) {
            changeQuietly(review.id(), current -> current.status() == ReviewStatus.REMOVED
                    && current.comment() == null ? null : current.erase(clock.instant()));
        }
        reviews.forgetRepliesOf(deleted.userId(), clock.instant());
        reviews.forgetReportReasonsOf(deleted.userId());
    }

    // --- reading ------------------------------------------------------------------------------------------------

    public CourseReviewsView list(UUID courseId, String sort, Integer stars, int page, int size,
                                  Optional<CurrentUser> reader) {
        PageView.check(page, size);
        if (stars != null && (stars < 1 || stars > 5)) {
            throw ApiException.badRequest("rating filters on 1 to 5 stars");
        }
        List<Review> found = reviews.visiblePage(courseId, stars, ReviewSort.parse(sort).order(), page, size);
        Map<UUID, String> names = people.displayNames(found.stream().map(Review::authorId).toList());
        Set<UUID> voted = reader.map(user -> found.isEmpty() ? Set.<UUID>of()
                : reviews.votedBy(found.stream().map(Review::id).toList(), user.id())).orElse(Set.of());
        List<ReviewView> items = found.stream().map(review -> ReviewView.of(review, names.get(review.authorId()),
                reader.isPresent() ? voted.contains(review.id()) : null, false)).toList();
        PageView<ReviewView> pageView = PageView.of(items, page, size, reviews.countVisible(courseId, stars));
        return new CourseReviewsView(pageView.items(), page, size, pageView.totalItems(), pageView.totalPages(),
                ratings.summary(courseId));
    }

    /** A visible review for anyone; the author and admins also see it while it is held or hidden. */
    public ReviewView one(UUID reviewId, Optional<CurrentUser> reader) {
        Review review = reviews.find(reviewId)
                .filter(found -> found.isVisible() || reader.map(user -> privileged(found, user)).orElse(false))
                .orElseThrow(() -> ApiException.notFound("review " + reviewId));
        return reader.map(user -> view(review, user)).orElseGet(() -> ReviewView.of(review,
                people.displayName(review.authorId()).orElse(null), null, false));
    }

    /** The caller's review of the course, in whatever state. */
    public ReviewView mine(UUID courseId, CurrentUser caller) {
        return reviews.current(courseId, caller.id()).map(review -> view(review, caller))
                .orElseThrow(() -> ApiException.notFound("your review of course " + courseId));
    }

    public EligibilityView eligibility(UUID courseId, CurrentUser caller) {
        Optional<Review> current = reviews.current(courseId, caller.id());
        if (current.isPresent()) {
            return new EligibilityView(false, "ALREADY_REVIEWED", current.get().id());
        }
        Optional<ApiException> refused = refusal(courseId, caller);
        return new EligibilityView(refused.isEmpty(), refused.map(ReviewService::reasonOf).orElse(null), null);
    }

    // --- rules --------------------------------------------------------------------------------------------------

    private Enrollment requireEligible(UUID courseId, CurrentUser caller) {
        Optional<ApiException> refused = refusal(courseId, caller);
        if (refused.isPresent()) {
            throw refused.get();
        }
        return enrollments.of(caller.id(), courseId).orElseThrow();
    }

    /** Why the caller may not review the course now, if they may not: only ACTIVE or COMPLETED learners may. */
    private Optional<ApiException> refusal(UUID courseId, CurrentUser caller) {
        Optional<Enrollment> enrollment = enrollments.of(caller.id(), courseId);
        if (enrollment.isEmpty()) {
            return Optional.of(new ApiException(HttpStatus.FORBIDDEN, "not-enrolled",
                    "Only learners enrolled in course " + courseId + " can review it."));
        }
        if (enrollment.get().status() == EnrollmentState.SUSPENDED) {
            return Optional.of(new ApiException(HttpStatus.FORBIDDEN, "enrollment-suspended",
                    "Your access to this course is paused while its payment is disputed."));
        }
        if (enrollment.get().status() == EnrollmentState.REVOKED) {
            return Optional.of(new ApiException(HttpStatus.FORBIDDEN, "enrollment-revoked",
                    "You no longer have access to this course."));
        }
        UUID instructorId = courses.instructorOf(courseId).orElse(enrollment.get().instructorId());
        if (caller.id().equals(instructorId)) {
            return Optional.of(new ApiException(HttpStatus.FORBIDDEN, "own-course",
                    "Instructors do not review their own courses."));
        }
        return Optional.empty();
    }

    /** The refusal's problem type as an eligibility reason: {@code not-enrolled} is {@code NOT_ENROLLED}. */
    private static String reasonOf(ApiException refusal) {
        return refusal.type().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private Set<ScreeningFlag> screen(UUID courseId, UUID authorId, UUID reviewId, int rating, String comment,
                                      boolean newAccount, Instant now) {
        ScreeningProperties.Bombing bombing = screening.properties().bombing();
        long recentLow = bombing.threshold() > 0 && newAccount && rating <= bombing.maxRating()
                ? reviews.recentLowFromNewAccounts(courseId, now.minus(bombing.window()), bombing.maxRating(),
                reviewId)
                : 0;
        boolean copied = Screening.worthComparing(comment)
                && reviews.copied(Screening.fingerprint(comment), authorId);
        return screening.check(new ScreeningInput(comment, rating, newAccount, recentLow, copied));
    }

    /**
     * Loads the review, computes a change and writes it if nobody wrote in between, else starts over; then
     * counts the change in the course's rating if it can move it. A change computed as null means nothing to do.
     */
    private Review change(UUID reviewId, CurrentUser caller, Function<Review, Transition> changeOf) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Review review = reviews.find(reviewId).filter(found -> found.isVisible() || privileged(found, caller))
                    .orElseThrow(() -> ApiException.notFound("review " + reviewId));
            Transition change;
            try {
                change = changeOf.apply(review);
            } catch (ReviewConflict conflict) {
                throw ApiException.conflict(conflict.getMessage());
            }
            if (reviews.apply(change)) {
                afterChange(change);
                return change.after();
            }
        }
        throw ApiException.conflict("the review changed while this request was handled; try again");
    }

    /** As {@link #change} for changes made by events, which no user is waiting for and nobody is refused. */
    private void changeQuietly(UUID reviewId, Function<Review, Transition> changeOf) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Review> review = reviews.find(reviewId);
            Transition change = review.map(changeOf).orElse(null);
            if (change == null || reviews.apply(change)) {
                if (change != null) {
                    afterChange(change);
                }
                return;
            }
        }
        throw new IllegalStateException("review " + reviewId + " kept changing; the event will be redelivered");
    }

    private void afterChange(Transition change) {
        if (change.movesRating()) {
            ratings.recompute(change.after().courseId());
        }
    }

    private Review visible(UUID reviewId) {
        return reviews.find(reviewId).filter(Review::isVisible)
                .orElseThrow(() -> ApiException.notFound("review " + reviewId));
    }

    /** The author and admins see a review in every state but after the author deleted it. */
    private static boolean privileged(Review review, CurrentUser user) {
        boolean deletedByAuthor = review.removalReason() == RemovalReason.DELETED_BY_AUTHOR;
        return user.isAdmin() || review.authorId().equals(user.id()) && !deletedByAuthor;
    }

    private static void requireAuthor(Review review, CurrentUser caller) {
        if (!review.authorId().equals(caller.id())) {
            throw notYours(review);
        }
    }

    private static ApiException notYours(Review review) {
        return ApiException.forbidden("review " + review.id() + " is someone else's");
    }

    private static void requireText(String text, String field) {
        if (text == null || text.isEmpty()) {
            throw ApiException.badRequest(field + " must not be blank");
        }
    }

    private static ApiException alreadyReviewed(UUID courseId) {
        return new ApiException(HttpStatus.CONFLICT, "already-reviewed", "You reviewed course " + courseId
                + " already; edit your review (PATCH /api/v1/reviews/{id}) instead.");
    }

    private ReviewView view(Review review, CurrentUser reader) {
        boolean privileged = privileged(review, reader);
        Boolean voted = review.isVisible()
                ? reviews.votedBy(List.of(review.id()), reader.id()).contains(review.id()) : Boolean.FALSE;
        return ReviewView.of(review, people.displayName(review.authorId()).orElse(null), voted, privileged);
    }
}
