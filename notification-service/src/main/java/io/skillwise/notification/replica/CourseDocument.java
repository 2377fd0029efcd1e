package io.skillwise.notification.replica;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One course of the catalog, as of its {@code revision}. */
@Document(CourseDocument.COLLECTION)
record CourseDocument(@Id String id, String instructorId, String title, String status, long revision) {

    static final String COLLECTION = "courses";
}
