package io.skillwise.payment.revenueshare;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
        YearMonth lastClosable = YearMonth.from(clock.instant().minus(properties.closeDelay()).atZone(ZoneOffset.UTC))
                .minusMonths(1);
        for (int back = properties.catchUpMonths() - 1; back >= 0; back--) {
            RevenueShareService.ClosedMonth month = shares.close(lastClosable.minusMonths(back));
            if (month.closedNow()) {
                log.info("subscription revenue of {} shared: {} shares, pools {}", month.month(),
                        month.shares().size(), month.pools());
            }
        }
    }
}
