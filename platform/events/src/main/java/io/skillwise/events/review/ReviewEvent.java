package io.skillwise.events.review;

import io.skillwise.events.DomainEvent;
import java.util.UUID;

/** An event on {@code review.review.v1}; sealed so that a consumer can switch over every case. */
public sealed interface ReviewEvent extends DomainEvent
        permits ReviewPosted, ReviewUpdated, ReviewRemoved, CourseRatingChanged, ReviewReplied, ContentModerated,
                ReviewWithdrawn {

    /** The reviewed course; also the record key. */
    UUID courseId();

    /** The instructor who owns the course (notified of reviews, rated by aggregate). */
    UUID instructorId();

    @Override
    default String aggregateId() {
        return courseId().toString();
    }
}
