package io.skillwise.events.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void aSplitAddsUpAndNeverExceedsAWeight() {
        assertThat(MinorUnits.proportional(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(MinorUnits.proportional(0, new long[] {0, 0})).containsExactly(0, 0);
        for (long amount = 0; amount <= 37; amount++) {
            long[] parts = MinorUnits.proportional(amount, new long[] {20, 0, 17});
            assertThat(parts[0] + parts[1] + parts[2]).isEqualTo(amount);
            assertThat(parts[1]).isZero();
            assertThat(parts[0]).isLessThanOrEqualTo(20);
            assertThat(parts[2]).isLessThanOrEqualTo(17);
        }
    }

    @Test
    void remaindersGoToTheLargestFractionsThenToTheEarlierPart() {
        // 1001 over 3:2:1 is 500.5, 333.67, 166.83: the two cents left go to 333.67 then 166.83
        assertThat(MinorUnits.proportional(1001, new long[] {3000, 2000, 1000})).containsExactly(500, 334, 167);
        assertThat(MinorUnits.proportional(2, new long[] {5, 5, 5})).containsExactly(1, 1, 0);
    }

    @Test
    void nothingCanBeSpreadOverNoWeightOrANegativeOne() {
        assertThatThrownBy(() -> MinorUnits.proportional(5, new long[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinorUnits.proportional(5, new long[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proratedRunningTotalsGiveBackTheWholeExactly() {
        long fee = 1500;
        long paid = 4999;
        long given = 0;
        long refunded = 0;
        for (long step : new long[] {1, 1000, 333, 2665, 1000}) {
            given += MinorUnits.prorated(fee, paid, refunded + step) - MinorUnits.prorated(fee, paid, refunded);
            refunded += step;
        }
        assertThat(refunded).isEqualTo(paid);
        assertThat(given).isEqualTo(fee);
        assertThat(MinorUnits.prorated(100, 0, 0)).isZero();
        assertThat(MinorUnits.prorated(300, 1000, 5)).isEqualTo(2);   // 1.5 rounds half up
    }
}
