package io.skillwise.notification;

/**
 * What a notification is about. The kind decides the default channels and whether its mail is essential: account,
 * receipt, billing and access mail always goes out, whatever the recipient's preferences say (they may still hide
 * the in-app copy). A user's preferences are kept per kind.
 *
 * <p>Kinds are stored by name in notifications, mails and preferences: rename one only with a data migration.
 */
public enum NotificationKind {

    WELCOME(Mail.ESSENTIAL, "Welcome after signing up"),
    PURCHASE_RECEIPT(Mail.ESSENTIAL, "Receipt of a purchase, with its invoice"),
    PAYMENT_FAILED(Mail.ESSENTIAL, "A payment did not go through"),
    PAYMENT_REFUNDED(Mail.ESSENTIAL, "Money went back to you, and which courses you no longer have"),
    PAYMENT_DISPUTED(Mail.ESSENTIAL, "A buyer's bank disputes a payment for your course (instructors, admins)"),
    DISPUTE_CLOSED(Mail.ESSENTIAL, "A dispute about a payment for your course was decided (instructors, admins)"),
    SUBSCRIPTION_ACTIVATED(Mail.ESSENTIAL, "Your all-access subscription started"),
    SUBSCRIPTION_RENEWED(Mail.ESSENTIAL, "Your all-access subscription was renewed"),
    SUBSCRIPTION_ENDED(Mail.ESSENTIAL, "Your all-access subscription ended"),
    ENROLLED(Mail.ON_BY_DEFAULT, "You were enrolled in a course"),
    NEW_STUDENT(Mail.OFF_BY_DEFAULT, "A learner enrolled in your course (instructors)"),
    COURSE_COMPLETED(Mail.ON_BY_DEFAULT, "You completed a course; your certificate is ready"),
    QUIZ_GRADED(Mail.OFF_BY_DEFAULT, "Your quiz attempt was graded"),
    ENROLLMENT_SUSPENDED(Mail.ESSENTIAL, "Your access to a course is paused while its payment is disputed"),
    ENROLLMENT_RESTORED(Mail.ESSENTIAL, "Your access to a course is back"),
    ENROLLMENT_REVOKED(Mail.ESSENTIAL, "You lost access to a course"),
    COURSE_UNPUBLISHED(Mail.ON_BY_DEFAULT, "A course you take, or teach, was withdrawn from the catalog"),
    COMMISSION_EARNED(Mail.ON_BY_DEFAULT, "A sale through your affiliate link earned you a commission"),
    COMMISSION_REVERSED(Mail.ESSENTIAL, "An affiliate commission was taken back after a refund or dispute"),
    CAMPAIGN_STARTED(Mail.ON_BY_DEFAULT, "Your promotion campaign started"),
    REVIEW_POSTED(Mail.ON_BY_DEFAULT, "A learner reviewed your course (instructors)"),
    REVIEW_REPLIED(Mail.ON_BY_DEFAULT, "The instructor replied to your review"),
    CONTENT_MODERATED(Mail.ON_BY_DEFAULT, "A moderator decided about your review or discussion post"),
    ANNOUNCEMENT(Mail.ON_BY_DEFAULT, "The instructor of a course you take posted an announcement"),
    DISCUSSION_POST(Mail.OFF_BY_DEFAULT, "Someone posted in a discussion thread you follow"),
    LESSON_REMINDER(Mail.ON_BY_DEFAULT, "A live or scheduled lesson of a course you take opens soon"),
    DEADLINE_REMINDER(Mail.ON_BY_DEFAULT, "An assignment or assessment of a course you take is due soon"),
    INACTIVITY_NUDGE(Mail.ON_BY_DEFAULT, "You have not continued a course you take for a while"),
    CHECKOUT_REMINDER(Mail.ON_BY_DEFAULT, "A purchase you started was not completed"),
    COURSE_REMINDER(Mail.ON_BY_DEFAULT, "A reminder the instructor of a course you take scheduled");

    /** How a kind's mail relates to the recipient's choice. */
    private enum Mail {
        /** Always sent; the preference cannot turn it off. */
        ESSENTIAL,
        /** Sent unless the recipient turned it off. */
        ON_BY_DEFAULT,
        /** Sent only if the recipient turned it on. */
        OFF_BY_DEFAULT
    }

    private final Mail mail;
    private final String description;

    NotificationKind(Mail mail, String description) {
        this.mail = mail;
        this.description = description;
    }

    /** Mail of this kind goes out whatever the preferences say, and carries no unsubscribe link. */
    public boolean essential() {
        return mail == Mail.ESSENTIAL;
    }

    /** Whether a recipient who never chose gets this kind by mail. */
    public boolean emailByDefault() {
        return mail != Mail.OFF_BY_DEFAULT;
    }

    /** Every kind is shown in-app unless the recipient turned that off. */
    public boolean inAppByDefault() {
        return true;
    }

    public String description() {
        return description;
    }
}
