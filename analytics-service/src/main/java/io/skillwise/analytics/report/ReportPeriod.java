package io.skillwise.analytics.report;

import io.skillwise.kit.web.ApiException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a report covers (UTC, both ends included) and how they are grouped: per day, ISO week (Monday to Sunday) or
 * calendar month. A period cut by the range is shown with the range's end.
 *
 * @param unit {@code day}, {@code week} or {@code month}
 */
public record ReportPeriod(LocalDate from, LocalDate to, String unit) {

    public static final List<String> UNITS = List.of("day", "week", "month");

    /** One period of the report. */
    public record Bucket(LocalDate start, LocalDate end) {
    }

    /**
     * Checks the query parameters: {@code to} defaults to today, {@code from} to 29 days before {@code to};
     * {@code from} after {@code to}, an unknown granularity, or more periods than {@code maxPeriods} are 400.
     */
    public static ReportPeriod of(LocalDate from, LocalDate to, String granularity, int maxPeriods, Clock clock) {
        LocalDate end = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw ApiException.badRequest("'from' (" + start + ") is after 'to' (" + end + ").");
        }
        String unit = granularity == null ? "day" : granularity;
        if (!UNITS.contains(unit)) {
            throw ApiException.badRequest("'granularity' must be one of day, week, month; was '" + unit + "'.");
        }
        ReportPeriod period = new ReportPeriod(start, end, unit);
        long periods = period.periods();
        if (periods > maxPeriods) {
            throw ApiException.badRequest("This report would have " + periods + " " + unit + " periods; at most "
                    + maxPeriods + " are answered. Ask for a shorter range or a coarser granularity.");
        }
        return period;
    }

    /** Every period of the range, in order, cut to the range. */
    public List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        LocalDate start = bucketOf(from);
        while (!start.isAfter(to)) {
            LocalDate next = switch (unit) {
                case "week" -> start.plusWeeks(1);
                case "month" -> start.plusMonths(1);
                default -> start.plusDays(1);
            };
            LocalDate first = start.isBefore(from) ? from : start;
            LocalDate last = next.minusDays(1).isAfter(to) ? to : next.minusDays(1);
            buckets.add(new Bucket(first, last));
            start = next;
        }
        return buckets;
    }

    /** How many periods the range has, without listing them. */
    public long periods() {
        LocalDate first = bucketOf(from);
        LocalDate last = bucketOf(to);
        return switch (unit) {
            case "week" -> ChronoUnit.WEEKS.between(first, last) + 1;
            case "month" -> ChronoUnit.MONTHS.between(first, last) + 1;
            default -> ChronoUnit.DAYS.between(first, last) + 1;
        };
    }

    /** The first day of the period holding {@code day}, as PostgreSQL's {@code date_trunc(unit, day)} gives it. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (unit) {
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> day.withDayOfMonth(1);
            default -> day;
        };
    }
}
