package io.skillwise.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    private final long[] hundred = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void nearestRankOfOneToAHundredIsThePercentItself() {
        assertThat(Percentiles.nearestRank(hundred, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(hundred, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(hundred, 100)).isEqualTo(100);
    }

    @Test
    void aFewSamplesRoundUpToTheNextOne() {
        assertThat(Percentiles.nearestRank(List.of(10L, 20L, 30L), 50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(List.of(10L, 20L, 30L), 99)).isEqualTo(30);
        assertThat(Percentiles.nearestRank(List.of(10L, 20L, 30L), 1)).isEqualTo(10);
    }

    @Test
    void noSamplesOrAPercentOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(hundred, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(hundred, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
