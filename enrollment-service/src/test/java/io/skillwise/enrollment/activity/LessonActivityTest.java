package io.skillwise.enrollment.activity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LessonActivityTest {

    private static final Instant START = Instant.parse("2026-01-10T10:00:00Z");
    private static final Duration MAX = Duration.ofSeconds(60);
    private static final Duration GAP = Duration.ofMinutes(30);

    private final LessonActivity first = LessonActivity.first(UUID.randomUUID(), UUID.randomUUID(), START, 30, MAX,
            false);

    @Test
    void aHeartbeatCreditsWhatItReportsWithinTheElapsedTime() {
        LessonActivity next = first.heartbeat(START.plusSeconds(45), 45, MAX, GAP, false);
        assertThat(next.secondsSpent()).isEqualTo(75);
        assertThat(next.views()).isEqualTo(1);
    }

    @Test
    void aRepeatedHeartbeatAddsNothing() {
        LessonActivity once = first.heartbeat(START.plusSeconds(30), 30, MAX, GAP, false);
        LessonActivity replayed = once.heartbeat(START.plusSeconds(30), 30, MAX, GAP, false);
        assertThat(replayed.secondsSpent()).isEqualTo(once.secondsSpent());
    }

    @Test
    void noHeartbeatCreditsMoreThanTheMaximumOrTheTimeSinceThePreviousOne() {
        assertThat(LessonActivity.first(UUID.randomUUID(), UUID.randomUUID(), START, 3600, MAX, false).secondsSpent())
                .isEqualTo(60);
        assertThat(first.heartbeat(START.plusSeconds(10), 60, MAX, GAP, false).secondsSpent()).isEqualTo(40);
        assertThat(first.heartbeat(START.plusSeconds(600), 600, MAX, GAP, false).secondsSpent()).isEqualTo(90);
    }

    @Test
    void aLongSilenceStartsANewViewAndALateHeartbeatChangesNothing() {
        LessonActivity later = first.heartbeat(START.plus(Duration.ofHours(2)), 20, MAX, GAP, false);
        assertThat(later.views()).isEqualTo(2);
        LessonActivity overtaken = later.heartbeat(START.plusSeconds(5), 20, MAX, GAP, false);
        assertThat(overtaken.secondsSpent()).isEqualTo(later.secondsSpent());
        assertThat(overtaken.lastActivityAt()).isEqualTo(later.lastActivityAt());
    }

    @Test
    void attendanceOfALiveLessonIsKept() {
        LessonActivity attended = first.heartbeat(START.plusSeconds(60), 60, MAX, GAP, true);
        assertThat(attended.attendedLive()).isTrue();
        assertThat(attended.heartbeat(START.plus(Duration.ofHours(3)), 10, MAX, GAP, false).attendedLive()).isTrue();
    }
}
