package io.skillwise.kit.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape every SkillWise list answers with (API.md):
 * {@code {items, page, size, totalItems, totalPages}}, pages counted from 0.
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 100;
    /**
     * The deepest a list may be paged ({@code page * size}): beyond it every page costs the database a scan of all the
     * rows before it (OFFSET), so a caller who wants more narrows the filters instead.
     */
    public static final long MAX_OFFSET = 10_000;

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        long totalPages = size == 0 ? 0 : (totalItems + size - 1) / size;
        return new PageView<>(List.copyOf(items), page, size, totalItems, totalPages);
    }

    /** A complete, unpaged list (small, bounded collections such as a course's modules). */
    public static <T> PageView<T> all(List<T> items) {
        return new PageView<>(List.copyOf(items), 0, items.size(), items.size(), items.isEmpty() ? 0 : 1);
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }

    /** Refuses a page or size outside the documented bounds rather than silently clamping it. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.badRequest("page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "page-too-deep",
                    "Pages reach at most " + MAX_OFFSET + " items deep (page * size); narrow the filters or sort "
                            + "the other way to reach the items you want.");
        }
    }
}
