package io.skillwise.notification.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily window in the user's own time zone during which reminders wait (they arrive when it ends). A window whose
 * start is after its end spans midnight ({@code 22:00}-{@code 07:00}).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId timeZone) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours need a start different from their end");
        }
    }

    /** When the window that {@code now} falls in ends; empty when {@code now} is outside it. */
    public Optional<Instant> endOfWindowAround(Instant now) {
        ZonedDateTime local = now.atZone(timeZone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        boolean spansMidnight = start.isAfter(end);
        LocalDate endDate;
        if (!spansMidnight) {
            if (time.isBefore(start) || !time.isBefore(end)) {
                return Optional.empty();
            }
            endDate = today;
        } else if (!time.isBefore(start)) {
            endDate = today.plusDays(1);
        } else if (time.isBefore(end)) {
            endDate = today;
        } else {
            return Optional.empty();
        }
        return Optional.of(ZonedDateTime.of(endDate, end, timeZone).toInstant());
    }
}
