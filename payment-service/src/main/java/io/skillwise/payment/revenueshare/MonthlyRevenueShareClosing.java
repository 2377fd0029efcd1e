package io.skillwise.payment.revenueshare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes each month once it has been over for {@code close-delay}, and any of the last {@code catch-up-months} ended
 * months that a stopped service missed. Every instance runs it; the month's row lets only one of them share it.
 */
@Component
@EnableScheduling
class MonthlyRevenueShareClosing {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRevenueShareClosing.class);

    private final RevenueShareService shares;
    private final RevenueShareProperties properties;
    private final Clock clock;

    MonthlyRevenueShareClosing(RevenueShareService shares, RevenueShareProperties properties, Clock clock) {
        this.shares = shares;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${skillwise.payment.revenue-share.check-interval}",
            fixedDelayString = "${skillwise.payment.revenue-share.check-interval}")
    void closeEndedMonths() {
        for (YearMonth closable : closable(clock.instant(), properties.closeDelay(), properties.catchUpMonths())) {
            RevenueShareService.ClosedMonth month = shares.close(closable);
            if (month.closedNow()) {
                log.info("subscription revenue of {} shared: {} shares, pools {}", month.month(),
                        month.shares().size(), month.pools());
            }
        }
    }

    /** The months due at {@code now}: ended at least {@code closeDelay} ago, the last {@code catchUp}, oldest first. */
    static List<YearMonth> closable(Instant now, Duration closeDelay, int catchUp) {
        YearMonth last = YearMonth.from(now.minus(closeDelay).atZone(ZoneOffset.UTC)).minusMonths(1);
        List<YearMonth> months = new ArrayList<>();
        for (int back = catchUp - 1; back >= 0; back--) {
            months.add(last.minusMonths(back));
        }
        return months;
    }
}
