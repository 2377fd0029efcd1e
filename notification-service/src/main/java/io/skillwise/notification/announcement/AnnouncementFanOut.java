package io.skillwise.notification.announcement;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.PollingLoop;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryReport;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.mail.MailContent;
import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.EnrollmentReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tells each announcement to the learners who had access to its course when it was posted, through the delivery core
 * (in batches: 10,000 learners are a few dozen round trips). The announcement is claimed with a lease, so one instance
 * tells it; one that dies halfway leaves it to the next claim after the lease, and since the delivery's key is the
 * announcement's id, the repeat adds only what is missing.
 */
@Component
class AnnouncementFanOut extends PollingLoop {

    static final String TEMPLATE = "announcement";
    private static final Logger log = LoggerFactory.getLogger(AnnouncementFanOut.class);

    private final AnnouncementRepository announcements;
    private final DeliveryService delivery;
    private final CourseReplica courses;
    private final EnrollmentReplica enrollments;
    private final AnnouncementProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    AnnouncementFanOut(AnnouncementRepository announcements, DeliveryService delivery, CourseReplica courses,
                       EnrollmentReplica enrollments, AnnouncementProperties properties, Clock clock) {
        super("announcement-fan-out", properties.pollInterval(), properties.maxPause(), true);
        this.announcements = announcements;
        this.delivery = delivery;
        this.courses = courses;
        this.enrollments = enrollments;
        this.properties = properties;
        this.clock = clock;
    }

    /** Tells one waiting announcement; true when there may be another. */
    @Override
    protected boolean round() {
        Instant now = clock.instant();
        Optional<Announcement> claimed = announcements.claim(owner, now, now.plus(properties.lease()));
        if (claimed.isEmpty()) {
            return false;
        }
        Announcement announcement = claimed.get();
        try {
            DeliveryReport report = delivery.deliver(deliveryOf(announcement));
            announcements.markDelivered(announcement, owner, report.recipients(), clock.instant());
            log.info("announcement {} of course {} told to {} learners ({} in-app, {} mails)", announcement.id(),
                    announcement.courseId(), report.recipients(), report.inApp(), report.mails());
        } catch (RuntimeException e) {
            announcements.release(announcement, owner);
            throw e;
        }
        return true;
    }

    private Delivery deliveryOf(Announcement announcement) {
        UUID courseId = UUID.fromString(announcement.courseId());
        String courseTitle = courses.find(courseId).map(Course::title).orElse("your course");
        Notice notice = new Notice(NotificationKind.ANNOUNCEMENT, announcement.title(),
                "In " + courseTitle + ": " + Notice.excerpt(announcement.body()),
                "/api/v1/courses/" + courseId + "/announcements/" + announcement.id());
        List<UUID> learners = enrollments.learnersOf(courseId, announcement.createdAt());
        String key = "announcement:" + announcement.id();
        return announcement.email()
                ? Delivery.of(key, notice, learners).withMail(MailContent.of(TEMPLATE,
                        Map.of("course", courseTitle, "message", announcement.body())))
                : Delivery.inAppOnly(key, notice, learners);
    }
}
