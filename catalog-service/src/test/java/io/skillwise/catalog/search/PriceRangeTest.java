package io.skillwise.catalog.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceRangeTest {

    @Test
    void upToAPriceIsTheLargestBlocksFromZero() {
        // $0-$49.99: five blocks of ten dollars
        assertThat(PriceRange.lexemes(0, 4_999)).containsExactly("#price3:0", "#price3:1", "#price3:2", "#price3:3",
                "#price3:4");
        // $0-$100.00: the first hundred dollars in one block, then the dollar of 100.00
        assertThat(PriceRange.lexemes(0, 10_000)).containsExactly("#price4:0", "#price2:100");
    }

    @Test
    void aRangeIsCoveredFromTheDollarOfItsLowestToTheDollarOfItsHighestPrice() {
        // $12.50-$131.20: dollars 12..131
        assertThat(PriceRange.lexemes(1_250, 13_120)).containsExactly("#price2:12", "#price2:13", "#price2:14",
                "#price2:15", "#price2:16", "#price2:17", "#price2:18", "#price2:19", "#price3:2", "#price3:3",
                "#price3:4", "#price3:5", "#price3:6", "#price3:7", "#price3:8", "#price3:9", "#price3:10",
                "#price3:11", "#price3:12", "#price2:130", "#price2:131");
        assertThat(PriceRange.lexemes(500, 599)).containsExactly("#price2:5");
    }

    @Test
    void theWidestRangeTheListingTakesIsAFewBlocks() {
        assertThat(PriceRange.lexemes(0, 100_000_000L)).containsExactly("#price8:0", "#price2:1000000");
        assertThat(PriceRange.tsquery(0, 1_999)).isEqualTo("'#price3:0' | '#price3:1'");
    }

    @Test
    void blocksNeverOverlapAndCoverEveryDollarOfTheRange() {
        for (long[] range : new long[][] {{0, 0}, {99, 101}, {3_456, 987_654}, {1, 99_999_999}, {777, 12_345_678}}) {
            long dollars = 0;
            for (String lexeme : PriceRange.lexemes(range[0], range[1])) {
                int scale = Integer.parseInt(lexeme.substring("#price".length(), lexeme.indexOf(':')));
                long size = 1;
                for (int i = PriceRange.FINEST; i < scale; i++) {
                    size *= 10;
                }
                dollars += size;
            }
            assertThat(dollars).as(range[0] + ".." + range[1]).isEqualTo(range[1] / 100 - range[0] / 100 + 1);
        }
    }

    @Test
    void notARangeIsRefused() {
        assertThatThrownBy(() -> PriceRange.lexemes(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceRange.lexemes(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
