package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.COURSE;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.POST;
import static io.skillwise.events.mother.Samples.SECOND_STUDENT;
import static io.skillwise.events.mother.Samples.STUDENT;
import static io.skillwise.events.mother.Samples.THREAD;

import io.skillwise.events.notification.DiscussionPostReported;

/** Discussion events of one course's thread. */
public final class Discussions {

    private Discussions() {
    }

    public static DiscussionPostReported postReported() {
        return new DiscussionPostReported(POST, THREAD, COURSE, INSTRUCTOR, STUDENT, SECOND_STUDENT,
                "Advertises a paid service.", "Message me on example.com for the answers.", NOW);
    }
}
