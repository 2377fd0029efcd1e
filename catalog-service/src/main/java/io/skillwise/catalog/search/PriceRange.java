package io.skillwise.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A price range as lexemes of the search document ({@code catalog_price_lexemes}, V6): a course priced {@code p}
 * cents (free: 0) carries {@code #price<s>:<p / 10^s>} for every scale {@code s} from 2 (whole dollars) to 8. The
 * range's whole dollars are covered by the fewest such blocks, the largest aligned block first (a run of dollars is
 * at most nine blocks of each scale at either end), as a {@code tsquery} that GIN intersects with the keyword and the
 * category. The cover reaches from the dollar of {@code min} to the dollar of {@code max}, so the cents at both ends
 * are checked on the row, as the range always was.
 */
final class PriceRange {

    static final int FINEST = 2;
    static final int COARSEST = 8;

    private PriceRange() {
    }

    /** The {@code tsquery} text of the lexemes that cover {@code [min, max]} cents ({@code min} at least 0). */
    static String tsquery(long min, long max) {
        return lexemes(min, max).stream().map(lexeme -> "'" + lexeme + "'").collect(Collectors.joining(" | "));
    }

    /** The lexemes of the blocks that cover the whole dollars from {@code min}'s to {@code max}'s, in order. */
    static List<String> lexemes(long min, long max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("not a price range: " + min + ".." + max);
        }
        long unit = pow10(FINEST);
        long from = min / unit;
        long to = max / unit;
        List<String> lexemes = new ArrayList<>();
        while (from <= to) {
            // the largest block (10^k dollars) that starts at this dollar and ends within the range
            int k = 0;
            while (FINEST + k < COARSEST && from % pow10(k + 1) == 0 && from + pow10(k + 1) - 1 <= to) {
                k++;
            }
            lexemes.add("#price" + (FINEST + k) + ":" + from / pow10(k));
            from += pow10(k);
        }
        return lexemes;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
