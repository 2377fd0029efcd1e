package io.skillwise.payment.revenueshare;

import io.skillwise.events.common.MinorUnits;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.RevenueShareLine;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.payment.earnings.FeeSplit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The rule of ADR 0020: a month's subscription revenue in a currency (the pool) is split over the courses in
 * proportion to the seconds subscribers consumed of each, by largest remainder (ties to the lower course id), so the
 * courses' parts add up to the pool to the cent; each course's part pays the platform fee of a sale of that amount.
 * An instructor's courses make one share per month and currency.
 */
final class RevenueShareRule {

    private RevenueShareRule() {
    }

    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static Instant end(YearMonth month) {
        return start(month.plusMonths(1));
    }

    /** The same id for the same instructor, month and currency, however often the month is computed. */
    static UUID shareId(UUID instructorId, YearMonth month, String currency) {
        return UUID.nameUUIDFromBytes(("subscription-share/" + instructorId + "/" + month + "/" + currency)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param pools       the month's subscription revenue per currency
     * @param consumption what was consumed of each course in the month
     * @param split       the platform fee of an amount, as a sale of it would pay
     * @return one share per instructor and currency that earns anything, in a fixed order
     */
    static List<SubscriptionRevenueShared> shares(YearMonth month, Map<String, Long> pools,
                                                  List<CourseConsumption> consumption, LongFunction<FeeSplit> split,
                                                  Instant closedAt) {
        List<CourseConsumption> courses = consumption.stream().filter(course -> course.seconds() > 0)
                .sorted(Comparator.comparing(CourseConsumption::courseId)
                        .thenComparing(CourseConsumption::instructorId))
                .toList();
        long poolSeconds = courses.stream().mapToLong(CourseConsumption::seconds).reduce(0, Math::addExact);
        long[] weights = courses.stream().mapToLong(CourseConsumption::seconds).toArray();
        List<SubscriptionRevenueShared> shares = new ArrayList<>();
        for (Map.Entry<String, Long> pool : pools.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (pool.getValue() <= 0 || poolSeconds == 0) {
                continue;
            }
            String currency = pool.getKey();
            long[] parts = MinorUnits.proportional(pool.getValue(), weights);
            Map<UUID, List<RevenueShareLine>> byInstructor = new LinkedHashMap<>();
            for (int i = 0; i < courses.size(); i++) {
                if (parts[i] == 0) {
                    continue;
                }
                FeeSplit fee = split.apply(parts[i]);
                byInstructor.computeIfAbsent(courses.get(i).instructorId(), id -> new ArrayList<>())
                        .add(new RevenueShareLine(courses.get(i).courseId(), courses.get(i).seconds(),
                                Money.of(fee.gross(), currency), Money.of(fee.fee(), currency)));
            }
            byInstructor.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(instructor -> {
                List<RevenueShareLine> lines = instructor.getValue();
                long gross = lines.stream().mapToLong(line -> line.gross().amount()).sum();
                long fee = lines.stream().mapToLong(line -> line.platformFee().amount()).sum();
                shares.add(new SubscriptionRevenueShared(shareId(instructor.getKey(), month, currency),
                        instructor.getKey(), start(month), end(month), lines, Money.of(gross, currency),
                        Money.of(fee, currency), Money.of(pool.getValue(), currency), poolSeconds, closedAt));
            });
        }
        return shares;
    }
}
