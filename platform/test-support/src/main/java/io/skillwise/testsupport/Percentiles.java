package io.skillwise.testsupport;

import java.util.List;

/**
 * Nearest-rank percentiles of sorted samples: the one definition the benchmarks print, so that a p99 in one section
 * of docs/benchmarks.md means the same as in another.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The smallest sample that at least {@code percent} % of the samples are not above. */
    public static long nearestRank(long[] sorted, double percent) {
        return sorted[index(sorted.length, percent)];
    }

    /** The same over a sorted list. */
    public static long nearestRank(List<Long> sorted, double percent) {
        return sorted.get(index(sorted.size(), percent));
    }

    private static int index(int samples, double percent) {
        if (samples == 0) {
            throw new IllegalArgumentException("no samples to take a percentile of");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, not " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * samples);
        return Math.max(0, rank - 1);
    }
}
