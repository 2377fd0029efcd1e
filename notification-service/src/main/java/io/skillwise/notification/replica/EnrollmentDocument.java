package io.skillwise.notification.replica;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** One enrollment, keyed by its id as on the topic. */
@Document(EnrollmentDocument.COLLECTION)
record EnrollmentDocument(@Id String id, String courseId, String studentId, String status, Instant enrolledAt) {

    static final String COLLECTION = "enrollments";
}
