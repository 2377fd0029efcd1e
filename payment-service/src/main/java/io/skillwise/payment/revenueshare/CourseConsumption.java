package io.skillwise.payment.revenueshare;

import java.util.UUID;

/**
 * How much subscribers consumed of one course in a month: the durations of the lessons they completed through their
 * subscription, each completion counted once per learner.
 */
record CourseConsumption(UUID courseId, UUID instructorId, long seconds) {
}
