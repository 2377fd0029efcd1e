package io.skillwise.analytics.course;

import java.util.UUID;

/**
 * What an instructor did themselves in a period.
 *
 * @param courseChanges  course revisions they published (publication, changes, unpublication)
 * @param reviewReplies  replies to reviews, edits included
 */
public record InstructorActivity(UUID instructorId, long courseChanges, long reviewReplies) {
}
