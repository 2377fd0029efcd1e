package io.skillwise.notification.discussion;

import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.PollingLoop;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.replica.Course;
import io.skillwise.notification.replica.CourseReplica;
import io.skillwise.notification.replica.EnrollmentReplica;
import io.skillwise.notification.replica.User;
import io.skillwise.notification.replica.UserReplica;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tells a thread's followers about each new post through the delivery core: in the app, and by mail to those who
 * turned mail of this kind on (it is off by default). A post is stored first
 * ({@code notified: false}) and told right after; one whose telling failed, or that another instance wrote, is found
 * by the next poll. The delivery's key is the post's id, so telling it twice (two instances, a crash before
 * {@code notified} was set) adds nothing. Followers who lost access to the course meanwhile are not told.
 */
@Component
class FollowerNotifier extends PollingLoop {

    private final PostRepository posts;
    private final ThreadRepository threads;
    private final DeliveryService delivery;
    private final CourseReplica courses;
    private final EnrollmentReplica enrollments;
    private final UserReplica users;
    private final DiscussionProperties properties;

    FollowerNotifier(PostRepository posts, ThreadRepository threads, DeliveryService delivery, CourseReplica courses,
                     EnrollmentReplica enrollments, UserReplica users, DiscussionProperties properties) {
        super("discussion-followers", properties.pollInterval(), properties.maxPause(), true);
        this.posts = posts;
        this.threads = threads;
        this.delivery = delivery;
        this.courses = courses;
        this.enrollments = enrollments;
        this.users = users;
        this.properties = properties;
    }

    @Override
    protected boolean round() {
        List<DiscussionPost> waiting = posts.unnotified(properties.batchSize());
        for (DiscussionPost post : waiting) {
            threads.find(UUID.fromString(post.threadId())).ifPresent(thread -> tell(post, thread));
            posts.markNotified(post.id());
        }
        return waiting.size() == properties.batchSize();
    }

    private void tell(DiscussionPost post, DiscussionThread thread) {
        Optional<Course> course = courses.find(UUID.fromString(thread.courseId()));
        if (course.isEmpty() || post.status() != DiscussionPost.Status.VISIBLE) {
            return;
        }
        List<UUID> recipients = allowed(thread, course.get()).stream()
                .filter(follower -> !follower.toString().equals(post.authorId())).toList();
        if (recipients.isEmpty()) {
            return;
        }
        String author = users.find(UUID.fromString(post.authorId())).map(User::displayName).orElse("Somebody");
        String title = thread.title().length() <= 150 ? thread.title() : thread.title().substring(0, 150) + "\u2026";
        Notice notice = new Notice(NotificationKind.DISCUSSION_POST, "New post in \u201c" + title + "\u201d",
                author + " wrote in " + course.get().title() + ": " + Notice.excerpt(post.body()),
                "/api/v1/posts/" + post.id());
        delivery.deliver(Delivery.of("discussion-post:" + post.id(), notice, recipients));
    }

    /** The thread's followers who may still read it: its learners with access, its instructor and admins. */
    private Set<UUID> allowed(DiscussionThread thread, Course course) {
        Set<UUID> followers = new HashSet<>();
        for (String follower : thread.followers()) {
            followers.add(UUID.fromString(follower));
        }
        Set<UUID> readers = new HashSet<>(enrollments.learnersAmong(course.id(), followers));
        readers.add(course.instructorId());
        readers.addAll(users.adminIds());
        followers.retainAll(readers);
        return followers;
    }
}
