package io.skillwise.promotion.quote;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadTest {

    @Test
    void largestRemaindersGetTheLeftoverUnits() {
        assertThat(Spread.proportionally(1001, new long[] {3000, 2000, 1001})).containsExactly(500, 334, 167);
    }

    @Test
    void tiesGoToTheEarlierLine() {
        assertThat(Spread.proportionally(1, new long[] {100, 100, 100})).containsExactly(1, 0, 0);
        assertThat(Spread.proportionally(2, new long[] {100, 100, 100})).containsExactly(1, 1, 0);
    }

    @Test
    void partsAlwaysAddUpAndNeverExceedTheirLine() {
        Random random = new Random(42);
        for (int run = 0; run < 10_000; run++) {
            long[] weights = random.longs(1 + random.nextInt(6), 0, 100_000).toArray();
            long total = Arrays.stream(weights).sum();
            long amount = total == 0 ? 0 : (long) (random.nextDouble() * (total + 1));
            long[] parts = Spread.proportionally(Math.min(amount, total), weights);
            assertThat(Arrays.stream(parts).sum()).isEqualTo(Math.min(amount, total));
            for (int i = 0; i < parts.length; i++) {
                assertThat(parts[i]).isBetween(0L, weights[i]);
            }
        }
    }

    @Test
    void moreThanTheLinesIsRefused() {
        assertThatThrownBy(() -> Spread.proportionally(11, new long[] {5, 5}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
