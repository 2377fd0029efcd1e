package io.skillwise.enrollment.replica;

import java.util.UUID;

/**
 * In-process notice that a course's lessons were replaced by a newer snapshot, published inside the transaction that
 * stored it, so progress can react (removing a learner's last open lesson completes their course).
 */
public record CurriculumChanged(UUID courseId) {
}
