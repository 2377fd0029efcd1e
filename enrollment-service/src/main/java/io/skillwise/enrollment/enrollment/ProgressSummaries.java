package io.skillwise.enrollment.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How far learners are in their enrollments, as the enrollment views show it. The progress feature answers it
 * ({@code ProgressService}); declaring the question here keeps the dependency one way: progress builds on
 * enrollments, enrollments do not call back into progress.
 */
public interface ProgressSummaries {

    /** The summary of each enrollment, by enrollment id; an enrollment whose course is not known yet has none. */
    Map<UUID, ProgressSummary> summaries(List<Enrollment> enrollments);
}
