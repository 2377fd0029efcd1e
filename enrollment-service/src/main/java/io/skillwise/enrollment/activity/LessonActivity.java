package io.skillwise.enrollment.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A learner's engagement with one lesson, built from heartbeats. Time is credited conservatively: a heartbeat adds at
 * most what it reports, at most {@code maxHeartbeat}, and never more than the time since the previous heartbeat, so a
 * repeated or replayed heartbeat adds nothing and a client cannot inflate its figures.
 */
public record LessonActivity(UUID enrollmentId, UUID lessonId, Instant firstSeenAt, Instant lastActivityAt,
                             long secondsSpent, int views, boolean attendedLive) {

    public static LessonActivity first(UUID enrollmentId, UUID lessonId, Instant now, long reportedSeconds,
                                       Duration maxHeartbeat, boolean live) {
        long credited = Math.max(0, Math.min(reportedSeconds, maxHeartbeat.toSeconds()));
        return new LessonActivity(enrollmentId, lessonId, now, now, credited, 1, live);
    }

    public LessonActivity heartbeat(Instant now, long reportedSeconds, Duration maxHeartbeat, Duration sessionGap,
                                    boolean live) {
        if (now.isBefore(lastActivityAt)) {
            // out of order (a slow request overtaken by a later one): it has been accounted for already
            return new LessonActivity(enrollmentId, lessonId, firstSeenAt, lastActivityAt, secondsSpent, views,
                    attendedLive || live);
        }
        long sinceLast = Duration.between(lastActivityAt, now).toSeconds();
        long credited = Math.max(0, Math.min(Math.min(reportedSeconds, maxHeartbeat.toSeconds()), sinceLast));
        boolean newView = Duration.between(lastActivityAt, now).compareTo(sessionGap) > 0;
        return new LessonActivity(enrollmentId, lessonId, firstSeenAt, now, secondsSpent + credited,
                newView ? views + 1 : views, attendedLive || live);
    }
}
