package io.skillwise.catalog.search;

import io.skillwise.catalog.search.CourseQuery.Sort;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The total order of one listing sort: its keys, all in one direction, the last one the course id, so that
 * <ul>
 * <li>{@code ORDER BY} is exactly the column list of one B-tree index on published courses (V4), which the
 * index walks forwards for the natural direction and backwards for the other one: {@code ,asc} and {@code ,desc}
 * reverse the whole order, tie-breakers included;</li>
 * <li>the keys never are null (a draft's missing {@code published_at} counts as newest, a free course's price as 0),
 * so a page can continue after the last row seen with one row comparison ({@code (k0, k1, ...) < (:after0, ...)}),
 * which is an index condition (keyset paging).</li>
 * </ul>
 * Relevance is not an index order: its keys are a tier (0 for the ranked candidates, -1 for the matches after
 * them), the rank, then popularity (see {@link CourseSearchRepository}).
 */
record ListingOrder(Sort sort, boolean ascending, List<Key> keys) {

    /** One sort key: its SQL over the course row {@code c}, and its SQL type (of the values a cursor carries). */
    record Key(String expression, String type) {

        /** PostgreSQL's text form of a timestamptz (ISO date style), as the keys travel in cursors. */
        private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd HH:mm:ss")
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 6, true).optionalEnd()
                .appendOffset("+HH:mm", "+00")
                .toFormatter(Locale.ROOT);

        /**
         * A cursor's value as the Java value bound for this key, so that what reaches SQL is a value of the key's
         * type whatever a client sent.
         *
         * @throws IllegalArgumentException when the text is not a value of this key's type
         */
        Object parse(String value) {
            try {
                return switch (type) {
                    case "integer" -> Integer.valueOf(value);
                    case "bigint" -> Long.valueOf(value);
                    case "uuid" -> UUID.fromString(value);
                    case "numeric" -> {
                        BigDecimal number = new BigDecimal(value);
                        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                            throw new IllegalArgumentException("out of range");
                        }
                        yield number;
                    }
                    case "real" -> {
                        float number = Float.parseFloat(value);
                        if (!Float.isFinite(number)) {
                            throw new IllegalArgumentException("not finite");
                        }
                        yield number;
                    }
                    // a course never published sorts as published at 'infinity'
                    case "timestamptz" -> value.equals("infinity") ? value : OffsetDateTime.parse(value, TIMESTAMP);
                    default -> throw new IllegalStateException("no cursor values of type " + type);
                };
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    static final Key ID = new Key("c.id", "uuid");
    static final Key POPULARITY = new Key("c.enrollment_count", "integer");
    // relevance keys are computed by ListingSql from the candidates, not read from the course row
    static final Key TIER = new Key("0", "integer");
    static final Key RELEVANCE = new Key("0::real", "real");

    static ListingOrder of(Sort sort, boolean ascending) {
        List<Key> keys = switch (sort) {
            case POPULARITY -> List.of(POPULARITY, ID);
            case RATING -> List.of(new Key("c.rating_average", "numeric"), new Key("c.rating_count", "integer"),
                    POPULARITY, ID);
            case NEWEST -> List.of(new Key("coalesce(c.published_at, 'infinity'::timestamptz)", "timestamptz"),
                    new Key("c.created_at", "timestamptz"), ID);
            // cheapest first, equal prices most popular first; -enrollment_count keeps every key ascending
            case PRICE -> List.of(new Key("coalesce(c.price_amount, 0)", "bigint"),
                    new Key("(-c.enrollment_count)", "integer"), ID);
            case RELEVANCE -> List.of(TIER, RELEVANCE, POPULARITY, ID);
        };
        return new ListingOrder(sort, ascending, keys);
    }

    /** The order in which relevance candidates are chosen: the most popular matches. */
    static ListingOrder candidates() {
        return of(Sort.POPULARITY, false);
    }

    String direction() {
        return ascending ? " ASC" : " DESC";
    }

    /** {@code k0 DESC, k1 DESC, ...} over the key columns of a key list (aliases {@code k0..kn}). */
    String orderByAliases(String qualifier) {
        return IntStream.range(0, keys.size()).mapToObj(i -> qualifier + "k" + i + direction())
                .collect(Collectors.joining(", "));
    }

    /** {@code c.enrollment_count DESC, c.id DESC}: the order over course rows, as the indexes have it. */
    String orderByExpressions() {
        return keys.stream().map(key -> key.expression() + direction()).collect(Collectors.joining(", "));
    }

    /** {@code c.enrollment_count AS k0, c.id AS k1}. */
    String selectKeys() {
        return IntStream.range(0, keys.size()).mapToObj(i -> keys.get(i).expression() + " AS k" + i)
                .collect(Collectors.joining(", "));
    }

    /**
     * The keyset condition "after the row with these key values" over the given expressions, with the values as
     * parameters {@code :<prefix>0..n}.
     */
    static String after(List<String> expressions, List<Key> keys, boolean ascending, String prefix) {
        String left = String.join(", ", expressions);
        String right = IntStream.range(0, keys.size())
                .mapToObj(i -> "CAST(:" + prefix + i + " AS " + keys.get(i).type() + ")")
                .collect(Collectors.joining(", "));
        return "(" + left + ") " + (ascending ? ">" : "<") + " (" + right + ")";
    }
}
