package io.skillwise.review.replica;

import io.skillwise.events.catalog.CourseStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.UUID;

/**
 * A course as reviews need it, from the catalog's events: who owns it (replies, the instructor's ratings).
 *
 * @param revision the catalog's revision of the snapshot held; older snapshots are ignored
 */
@Document(Course.COLLECTION)
public record Course(@Id UUID id, UUID instructorId, String title, CourseStatus status, long revision) {

    public static final String COLLECTION = "courses";
}
