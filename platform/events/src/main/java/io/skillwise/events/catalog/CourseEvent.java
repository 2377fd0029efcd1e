package io.skillwise.events.catalog;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code catalog.course.v1}; sealed so that a consumer can switch over every case. */
public sealed interface CourseEvent extends DomainEvent
        permits CoursePublished, CourseUpdated, CourseUnpublished, CourseDeleted {

    /** The course the fact is about. */
    UUID courseId();

    /** The instructor who owns the course. */
    UUID instructorId();

    @Override
    default String aggregateId() {
        return courseId().toString();
    }
}
