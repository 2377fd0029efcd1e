package io.skillwise.notification.preference;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);
    private final QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), BERLIN);

    @Test
    void aWindowOverMidnightEndsTheNextMorningWhenEnteredInTheEvening() {
        // 23:00 in Berlin (UTC+1 in December)
        assertThat(overnight.endOfWindowAround(Instant.parse("2026-12-04T22:00:00Z")))
                .contains(Instant.parse("2026-12-05T06:00:00Z"));
    }

    @Test
    void aWindowOverMidnightEndsTheSameMorningWhenEnteredAfterMidnight() {
        assertThat(overnight.endOfWindowAround(Instant.parse("2026-12-05T02:00:00Z")))
                .contains(Instant.parse("2026-12-05T06:00:00Z"));
    }

    @Test
    void outsideTheWindowNothingWaits() {
        assertThat(overnight.endOfWindowAround(Instant.parse("2026-12-05T06:00:00Z"))).as("07:00 is its end").isEmpty();
        assertThat(overnight.endOfWindowAround(Instant.parse("2026-12-05T15:00:00Z"))).isEmpty();
        assertThat(lunch.endOfWindowAround(Instant.parse("2026-12-05T10:59:00Z"))).isEmpty();
    }

    @Test
    void aWindowWithinADayEndsThatDay() {
        assertThat(lunch.endOfWindowAround(Instant.parse("2026-12-05T11:00:00Z")))
                .contains(Instant.parse("2026-12-05T12:30:00Z"));
    }

    @Test
    void theWindowFollowsDaylightSavingTime() {
        // 23:00 in Berlin in July (UTC+2): the window ends at 07:00 local, 05:00 UTC
        assertThat(overnight.endOfWindowAround(Instant.parse("2026-07-01T21:00:00Z")))
                .contains(Instant.parse("2026-07-02T05:00:00Z"));
    }

    @Test
    void aWindowNeedsALength() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
