package io.skillwise.payment.revenueshare;

import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.catalog.PriceReplicaService;
import io.skillwise.payment.earnings.EarningEntry;
import io.skillwise.payment.earnings.EarningsService;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.progress.ProgressService;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes months of subscription revenue (ADR 0020): the month's pool, what subscribers consumed, the split, the
 * ledger entries and the {@code SubscriptionRevenueShared} events (through the outbox), in one transaction and once
 * per month.
 */
@Service
@EnableConfigurationProperties(RevenueShareProperties.class)
public class RevenueShareService {

    private final RevenueShareRepository months;
    private final InvoiceService invoices;
    private final ProgressService progress;
    private final PriceReplicaService catalog;
    private final EarningsService earnings;
    private final EventPublisher events;
    private final RevenueShareProperties properties;
    private final Clock clock;

    RevenueShareService(RevenueShareRepository months, InvoiceService invoices, ProgressService progress,
                        PriceReplicaService catalog, EarningsService earnings, EventPublisher events,
                        RevenueShareProperties properties, Clock clock) {
        this.months = months;
        this.invoices = invoices;
        this.progress = progress;
        this.catalog = catalog;
        this.earnings = earnings;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A month's pool in one currency, as it was shared.
     *
     * @param revenue         the subscription revenue of periods starting in the month
     * @param consumedSeconds all consumption counted in the month
     */
    public record Pool(String currency, long revenue, long consumedSeconds) {
    }

    /** One course's part of an instructor's share. */
    public record CourseShare(UUID courseId, long gross, long platformFee, long net) {
    }

    /** An instructor's share of a month in one currency. */
    public record Share(UUID shareId, UUID instructorId, String currency, long gross, long platformFee, long net,
                        List<CourseShare> courses) {
    }

    /**
     * A closed month.
     *
     * @param closedNow whether this call closed it (false: it was closed before, and this is what it shared then)
     */
    public record ClosedMonth(YearMonth month, Instant closedAt, boolean closedNow, List<Pool> pools,
                              List<Share> shares) {
    }

    /**
     * Closes the month unless it is closed already; either way answers what it shared.
     *
     * @throws ApiException 409 {@code month-not-ended} while the month is not over
     */
    @Transactional
    public ClosedMonth close(YearMonth month) {
        Instant now = clock.instant();
        if (now.isBefore(RevenueShareRule.end(month))) {
            throw new ApiException(HttpStatus.CONFLICT, "month-not-ended",
                    month + " is not over yet: a month is shared once it has ended");
        }
        if (!months.claim(month, now)) {
            return closed(month, false).orElseThrow();
        }
        Instant start = RevenueShareRule.start(month);
        Instant end = RevenueShareRule.end(month);
        Map<String, Long> pools = invoices.subscriptionRevenue(start, end);
        List<CourseConsumption> consumption = consumption(start, end);
        long poolSeconds = consumption.stream().mapToLong(CourseConsumption::seconds).sum();
        for (SubscriptionRevenueShared share : RevenueShareRule.shares(month, pools, consumption, earnings::split,
                now)) {
            earnings.recordSubscriptionShare(share);
            events.publish(share);
        }
        pools.forEach((currency, revenue) -> months.insertPool(month, new Pool(currency, revenue, poolSeconds)));
        return closed(month, true).orElseThrow();
    }

    /** What a closed month shared; empty while it is open. */
    @Transactional(readOnly = true)
    public Optional<ClosedMonth> find(YearMonth month) {
        return closed(month, false);
    }

    /** Seconds per course: each completion of a lesson counts its duration, or the default when it has none. */
    private List<CourseConsumption> consumption(Instant start, Instant end) {
        List<ProgressService.LessonConsumption> lessons = progress.subscriptionConsumption(start, end);
        Map<UUID, Integer> durations = catalog.lessonSeconds(lessons.stream()
                .map(ProgressService.LessonConsumption::lessonId).distinct().toList());
        Map<CourseOfInstructor, Long> seconds = new LinkedHashMap<>();
        for (ProgressService.LessonConsumption lesson : lessons) {
            long each = durations.getOrDefault(lesson.lessonId(), properties.defaultLessonSeconds());
            seconds.merge(new CourseOfInstructor(lesson.courseId(), lesson.instructorId()),
                    Math.multiplyExact(each, lesson.completions()), Math::addExact);
        }
        return seconds.entrySet().stream()
                .map(course -> new CourseConsumption(course.getKey().courseId(), course.getKey().instructorId(),
                        course.getValue()))
                .toList();
    }

    private record CourseOfInstructor(UUID courseId, UUID instructorId) {
    }

    private Optional<ClosedMonth> closed(YearMonth month, boolean closedNow) {
        return months.closedAt(month).map(closedAt -> {
            Map<UUID, List<EarningEntry>> byShare = new LinkedHashMap<>();
            earnings.subscriptionShares(RevenueShareRule.start(month))
                    .forEach(entry -> byShare.computeIfAbsent(entry.shareId(), id -> new ArrayList<>()).add(entry));
            List<Share> shares = byShare.entrySet().stream().map(share -> {
                List<EarningEntry> entries = share.getValue();
                EarningEntry first = entries.getFirst();
                List<CourseShare> courses = entries.stream().map(entry -> new CourseShare(entry.courseId(),
                        entry.grossAmount(), entry.feeAmount(), entry.netAmount())).toList();
                return new Share(share.getKey(), first.instructorId(), first.currency(),
                        courses.stream().mapToLong(CourseShare::gross).sum(),
                        courses.stream().mapToLong(CourseShare::platformFee).sum(),
                        courses.stream().mapToLong(CourseShare::net).sum(), courses);
            }).toList();
            return new ClosedMonth(month, closedAt, closedNow, months.pools(month), shares);
        });
    }
}
