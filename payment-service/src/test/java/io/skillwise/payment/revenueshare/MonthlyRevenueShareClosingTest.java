package io.skillwise.payment.revenueshare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MonthlyRevenueShareClosingTest {

    static final Duration ONE_DAY = Duration.ofDays(1);

    @Test
    void aMonthIsDueOnceItHasBeenOverForTheCloseDelay() {
        assertThat(MonthlyRevenueShareClosing.closable(Instant.parse("2025-03-01T23:59:59Z"), ONE_DAY, 1))
                .as("February ended less than a day ago").containsExactly(YearMonth.of(2025, 1));
        assertThat(MonthlyRevenueShareClosing.closable(Instant.parse("2025-03-02T00:00:00Z"), ONE_DAY, 1))
                .containsExactly(YearMonth.of(2025, 2));
        assertThat(MonthlyRevenueShareClosing.closable(Instant.parse("2025-03-01T00:00:00Z"), Duration.ZERO, 1))
                .containsExactly(YearMonth.of(2025, 2));
    }

    @Test
    void missedMonthsAreCaughtUpOldestFirstAcrossAYear() {
        assertThat(MonthlyRevenueShareClosing.closable(Instant.parse("2026-01-15T00:00:00Z"), ONE_DAY, 3))
                .containsExactly(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12));
    }
}
