package io.skillwise.payment.progress;

import io.skillwise.events.Topics;
import io.skillwise.events.enrollment.CourseCompleted;
import io.skillwise.events.enrollment.LessonCompleted;
import io.skillwise.events.enrollment.StudentEnrolled;
import io.skillwise.kit.messaging.Inbox;
import io.skillwise.kit.messaging.IncomingEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learners' progress for the refund policy and subscribers' consumption; each event applied once. */
@Component
public class EnrollmentEventsListener {

    private final Inbox inbox;
    private final ProgressService progress;

    public EnrollmentEventsListener(Inbox inbox, ProgressService progress) {
        this.inbox = inbox;
        this.progress = progress;
    }

    @KafkaListener(topics = Topics.ENROLLMENT_ENROLLMENT)
    void on(IncomingEvent event) {
        switch (event.event()) {
            case StudentEnrolled enrolled -> inbox.processOnce(event, e -> progress.enrolled(enrolled));
            case LessonCompleted lesson -> inbox.processOnce(event, e -> progress.lessonCompleted(lesson));
            case CourseCompleted course -> inbox.processOnce(event, e -> progress.courseCompleted(course));
            default -> { }
        }
    }
}
