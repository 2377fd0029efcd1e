package io.skillwise.notification.replica;

import io.skillwise.events.catalog.CourseStatus;

import java.util.UUID;

/** A course as notifications need it: its title and who teaches it. */
public record Course(UUID id, UUID instructorId, String title, CourseStatus status) {
}
