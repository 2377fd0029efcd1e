package io.skillwise.payment.revenueshare;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.RevenueShareLine;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.payment.earnings.FeeSplit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RevenueShareRuleTest {

    static final YearMonth FEBRUARY = YearMonth.of(2025, 2);
    static final Instant CLOSED = Instant.parse("2025-03-02T00:00:00Z");
    static final UUID ANA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID JAVA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID SQL = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID RUST = UUID.fromString("00000000-0000-0000-0000-000000000003");

    @Test
    void aKnownMonthIsSplitByConsumptionToTheCent() {
        // 5,997 cents over 2,100 + 300 + 2,400 seconds: 2623.69, 374.81 and 2998.5; the two cents left over go to
        // the largest fractions (SQL, then Java)
        List<SubscriptionRevenueShared> shares = RevenueShareRule.shares(FEBRUARY, Map.of("USD", 5997L), List.of(
                new CourseConsumption(RUST, BEN, 2400),
                new CourseConsumption(JAVA, ANA, 2100),
                new CourseConsumption(SQL, ANA, 300)), RevenueShareRuleTest::thirtyPercent, CLOSED);

        assertThat(shares).hasSize(2);
        SubscriptionRevenueShared ana = shares.get(0);
        assertThat(ana.instructorId()).isEqualTo(ANA);
        assertThat(ana.lines()).containsExactly(
                new RevenueShareLine(JAVA, 2100, usd(2624), usd(787)),
                new RevenueShareLine(SQL, 300, usd(375), usd(113)));
        assertThat(ana.gross()).isEqualTo(usd(2999));
        assertThat(ana.net()).isEqualTo(usd(2099));
        SubscriptionRevenueShared ben = shares.get(1);
        assertThat(ben.lines()).containsExactly(new RevenueShareLine(RUST, 2400, usd(2998), usd(899)));
        assertThat(ana.gross().amount() + ben.gross().amount()).as("the whole pool is shared").isEqualTo(5997);
        assertThat(shares).allSatisfy(share -> {
            assertThat(share.periodStart()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
            assertThat(share.periodEnd()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
            assertThat(share.poolRevenue()).isEqualTo(usd(5997));
            assertThat(share.poolSeconds()).isEqualTo(4800);
        });
    }

    @Test
    void theShareIdIsTheSameForTheSameInstructorMonthAndCurrencyOnly() {
        UUID id = RevenueShareRule.shareId(ANA, FEBRUARY, "USD");
        assertThat(RevenueShareRule.shareId(ANA, FEBRUARY, "USD")).isEqualTo(id);
        assertThat(List.of(RevenueShareRule.shareId(BEN, FEBRUARY, "USD"),
                RevenueShareRule.shareId(ANA, FEBRUARY.plusMonths(1), "USD"),
                RevenueShareRule.shareId(ANA, FEBRUARY, "EUR"))).doesNotContain(id).doesNotHaveDuplicates();
    }

    @Test
    void eachCurrencyPoolIsSharedOverTheSameConsumption() {
        List<SubscriptionRevenueShared> shares = RevenueShareRule.shares(FEBRUARY,
                Map.of("USD", 1000L, "EUR", 10L), List.of(new CourseConsumption(JAVA, ANA, 1),
                        new CourseConsumption(RUST, BEN, 1), new CourseConsumption(SQL, ANA, 1)),
                RevenueShareRuleTest::thirtyPercent, CLOSED);

        assertThat(shares).extracting(share -> share.gross().currency()).containsExactly("EUR", "EUR", "USD", "USD");
        // equal consumption, 10 cents: 3.33 each, the one left over goes to the first course by id
        assertThat(shares.get(0).lines()).extracting(line -> line.gross().amount()).containsExactly(4L, 3L);
        assertThat(shares.get(1).lines()).extracting(line -> line.gross().amount()).containsExactly(3L);
        assertThat(shares.stream().filter(share -> share.gross().currency().equals("USD"))
                .mapToLong(share -> share.gross().amount()).sum()).isEqualTo(1000);
    }

    @Test
    void aMonthWithoutRevenueOrWithoutConsumptionSharesNothing() {
        assertThat(RevenueShareRule.shares(FEBRUARY, Map.of(), List.of(new CourseConsumption(JAVA, ANA, 60)),
                RevenueShareRuleTest::thirtyPercent, CLOSED)).isEmpty();
        assertThat(RevenueShareRule.shares(FEBRUARY, Map.of("USD", 1999L), List.of(),
                RevenueShareRuleTest::thirtyPercent, CLOSED)).isEmpty();
    }

    @Test
    void aCourseWhosePartRoundsToNothingIsLeftOut() {
        List<SubscriptionRevenueShared> shares = RevenueShareRule.shares(FEBRUARY, Map.of("USD", 1L),
                List.of(new CourseConsumption(JAVA, ANA, 100), new CourseConsumption(RUST, BEN, 1)),
                RevenueShareRuleTest::thirtyPercent, CLOSED);

        assertThat(shares).singleElement().satisfies(share -> {
            assertThat(share.instructorId()).isEqualTo(ANA);
            assertThat(share.lines()).containsExactly(new RevenueShareLine(JAVA, 100, usd(1), usd(0)));
        });
    }

    private static FeeSplit thirtyPercent(long amount) {
        return FeeSplit.sale(amount, 3000);
    }

    private static Money usd(long cents) {
        return Money.of(cents, "USD");
    }
}
