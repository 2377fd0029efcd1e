package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import io.skillwise.events.DomainEvent;
import io.skillwise.events.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A month of all-access subscription revenue was shared out, and this is one instructor's part: the month's pool
 * (every paid subscription period that starts in it) split over the courses by how much subscribers consumed of each,
 * less the platform fee (ADR 0020). payment-service writes it into the earnings ledger in the same transaction.
 * Key: share id, one per instructor, month and currency, so a redelivery or a second closing instance cannot pay a
 * month twice.
 *
 * @param shareId      the share: the same id for the same instructor, month and currency, however often computed
 * @param instructorId the instructor who earns it
 * @param periodStart  the first instant of the month (UTC)
 * @param periodEnd    the first instant of the next month (exclusive)
 * @param lines        the instructor's courses consumed in the month, at least one
 * @param gross        the instructor's part of the pool, the sum of the lines' {@code gross}
 * @param platformFee  the platform's share of it, the sum of the lines' {@code platformFee}
 * @param poolRevenue  the month's whole subscription revenue in this currency
 * @param poolSeconds  all consumption counted in the month, by every instructor's courses
 * @param occurredAt   when the month was closed
 */
public record SubscriptionRevenueShared(
        UUID shareId,
        UUID instructorId,
        Instant periodStart,
        Instant periodEnd,
        List<RevenueShareLine> lines,
        Money gross,
        Money platformFee,
        Money poolRevenue,
        long poolSeconds,
        Instant occurredAt) implements DomainEvent {

    public SubscriptionRevenueShared {
        requireNonNull(shareId, "shareId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(periodStart, "periodStart");
        requireNonNull(periodEnd, "periodEnd");
        lines = List.copyOf(requireNonNull(lines, "lines"));
        requireNonNull(gross, "gross");
        requireNonNull(platformFee, "platformFee");
        requireNonNull(poolRevenue, "poolRevenue");
        requireNonNull(occurredAt, "occurredAt");
        if (lines.isEmpty() || !periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("share " + shareId + " needs courses and a period");
        }
        Money grossSum = Money.zero(gross.currency());
        Money feeSum = Money.zero(gross.currency());
        long seconds = 0;
        for (RevenueShareLine line : lines) {
            grossSum = grossSum.plus(line.gross());
            feeSum = feeSum.plus(line.platformFee());
            seconds += line.consumedSeconds();
        }
        if (!grossSum.equals(gross) || !feeSum.equals(platformFee) || gross.amount() > poolRevenue.amount()
                || !poolRevenue.currency().equals(gross.currency()) || seconds > poolSeconds) {
            throw new IllegalArgumentException("share " + shareId + ": gross " + gross + " and fee " + platformFee
                    + " are not the sums of its lines, or exceed the pool of " + poolRevenue);
        }
    }

    /** What the instructor earns: {@code gross - platformFee}. */
    public Money net() {
        return Money.of(gross.amount() - platformFee.amount(), gross.currency());
    }

    @Override
    public String aggregateId() {
        return shareId.toString();
    }
}
