package io.skillwise.catalog.search;

import io.skillwise.catalog.search.CourseQuery.Sort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page of a listing starts: the sort key values of the last course of the page before (keyset
 * paging, see {@link ListingOrder}), the number of the page it asks for, and a fingerprint of the filters it was
 * made for. Travels as {@code nextCursor} / {@code cursor}: base64url of JSON, opaque to clients; the values are
 * only ever bound as parameters.
 */
record ListingCursor(Sort sort, boolean ascending, int page, List<String> after, String filters) {

    ListingCursor {
        after = after == null ? List.of() : List.copyOf(after);
    }

    String encode(JsonMapper json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
    }

    /**
     * Reads a cursor a client sent back with the listing it asks for.
     *
     * @throws IllegalArgumentException when it is not a cursor of this listing (another sort or other filters, or
     *                                  not a cursor at all)
     */
    static ListingCursor decode(String text, CourseQuery query, JsonMapper json) {
        ListingCursor cursor;
        try {
            cursor = json.readValue(Base64.getUrlDecoder().decode(text.strip()), ListingCursor.class);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new IllegalArgumentException("cursor is not a nextCursor of this listing");
        }
        if (cursor.sort() != query.sort() || cursor.ascending() != query.ascending() || cursor.page() < 1
                || !query.filterFingerprint().equals(cursor.filters())) {
            throw new IllegalArgumentException(
                    "cursor belongs to another listing: send it with the filters and sort of the page it came from");
        }
        try {
            cursor.values();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not a nextCursor of this listing");
        }
        return cursor;
    }

    /**
     * The sort key values to bind, typed as their keys are.
     *
     * @throws IllegalArgumentException when a value is not one of its key's type (or not as many as keys)
     */
    List<Object> values() {
        List<ListingOrder.Key> keys = ListingOrder.of(sort, ascending).keys();
        if (after.size() != keys.size()
                || sort == Sort.RELEVANCE && !List.of("0", "-1").contains(after.getFirst())) {
            throw new IllegalArgumentException("not the keys of " + sort);
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add(keys.get(i).parse(after.get(i)));
        }
        return values;
    }

    @Override
    public String toString() {
        // part of the browsing cache key of the page it asks for
        return sort + (ascending ? ",asc" : ",desc") + "@" + page + after;
    }
}
