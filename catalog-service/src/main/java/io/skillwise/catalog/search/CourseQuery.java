package io.skillwise.catalog.search;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;

import java.util.Locale;
import java.util.UUID;

/**
 * One listing request: filters (all optional), the sort and the page. {@code category} is an id or a slug and
 * includes its sub-categories; prices are in minor units (a free course costs 0); {@code status} is for the admin
 * listing only; {@code enrolled} keeps the courses the signed-in caller is (or is not) enrolled in. A page is asked
 * for either by number ({@code page}, an offset) or, deeper, by the {@code cursor} of the page before; with a cursor,
 * {@code page} is 0 (no offset) and the page's number is the one the cursor carries ({@link #number()}).
 */
public record CourseQuery(String search, String category, UUID instructor, Long minPrice, Long maxPrice, Boolean free,
                          CourseLevel level, String language, Double minRating, Sort sort, boolean ascending,
                          int page, int size, CourseStatus status, Boolean enrolled, ListingCursor cursor) {

    public enum Sort { RELEVANCE, POPULARITY, RATING, NEWEST, PRICE }

    public CourseQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        category = category == null || category.isBlank() ? null : category.strip();
        language = language == null || language.isBlank() ? null : language.strip();
    }

    /** A listing request without a cursor (a page by number). */
    public CourseQuery(String search, String category, UUID instructor, Long minPrice, Long maxPrice, Boolean free,
                       CourseLevel level, String language, Double minRating, Sort sort, boolean ascending,
                       int page, int size, CourseStatus status, Boolean enrolled) {
        this(search, category, instructor, minPrice, maxPrice, free, level, language, minRating, sort, ascending, page,
                size, status, enrolled, null);
    }

    /** The same listing from the page the cursor points at. */
    CourseQuery continuedAt(ListingCursor next) {
        return new CourseQuery(search, category, instructor, minPrice, maxPrice, free, level, language, minRating, sort,
                ascending, 0, size, status, enrolled, next);
    }

    /** The number of the page (counted from 0), whether asked for by number or by cursor. */
    int number() {
        return cursor == null ? page : cursor.page();
    }

    /** The offset of the page's first course (0 after a cursor). */
    long offset() {
        return (long) page * size;
    }

    /**
     * Identifies the filters (not sort, page or size), so that a cursor is only accepted by the listing it came from.
     */
    String filterFingerprint() {
        String filters = String.join("|", String.valueOf(search), String.valueOf(category), String.valueOf(instructor),
                String.valueOf(minPrice), String.valueOf(maxPrice), String.valueOf(free), String.valueOf(level),
                String.valueOf(language), String.valueOf(minRating), String.valueOf(status), String.valueOf(enrolled));
        return Integer.toHexString(filters.hashCode());
    }

    /**
     * Reads {@code sort=field} or {@code sort=field,asc|desc}. Without a sort: relevance when searching, else
     * popularity. Without a direction: cheapest first for price, highest/newest first for everything else.
     */
    public static SortOrder parseSort(String value, boolean searching) {
        if (value == null || value.isBlank()) {
            return new SortOrder(searching ? Sort.RELEVANCE : Sort.POPULARITY, false);
        }
        String[] parts = value.split(",", -1);
        Sort sort;
        try {
            sort = Sort.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort must be one of relevance, popularity, rating, newest, price");
        }
        if (sort == Sort.RELEVANCE && !searching) {
            sort = Sort.POPULARITY;
        }
        boolean ascending = sort == Sort.PRICE;
        if (parts.length > 2) {
            throw new IllegalArgumentException("sort is field or field,asc|desc");
        }
        if (parts.length == 2) {
            String direction = parts[1].strip().toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new IllegalArgumentException("sort direction must be asc or desc");
            }
            ascending = direction.equals("asc");
        }
        return new SortOrder(sort, ascending);
    }

    public record SortOrder(Sort sort, boolean ascending) {
    }
}
