package io.skillwise.catalog.common;

import java.util.List;

/** The list shape of the API: {@code {items, page, size, totalItems, totalPages}}. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
        return new PageView<>(List.copyOf(items), page, size, totalItems, totalPages);
    }

    /** A complete, unpaged list (small, bounded collections such as a course's modules). */
    public static <T> PageView<T> all(List<T> items) {
        return new PageView<>(List.copyOf(items), 0, items.size(), items.size(), items.isEmpty() ? 0 : 1);
    }
}
