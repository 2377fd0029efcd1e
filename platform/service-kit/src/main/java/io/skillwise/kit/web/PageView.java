package io.skillwise.kit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape every SkillWise list answers with (docs/api-conventions.md, "Lists"):
 * {@code {items, page, size, totalItems, totalPages}}, pages counted from 0.
 *
 * <p>Two optional fields, left out of the JSON when null, serve lists too large to count or page by offset on every
 * request: {@code totalItemsExact} (false when {@code totalItems} is an estimate rather than a count) and
 * {@code nextCursor} (an opaque token that asks for the page after this one without an offset, i.e. keyset paging).
 */
public record PageView<T>(List<T> items,
                          @Schema(example = "0") int page,
                          @Schema(example = "20") int size,
                          @Schema(example = "137") long totalItems,
                          @Schema(example = "7") long totalPages,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalItemsExact,
                          @Schema(description = "Asks for the next page without an offset; absent on the last page",
                                  example = "eyJhZnRlciI6IjIwMjYtMDMtMDFUMTA6MTU6MzBaIn0")
                          @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public static final int MAX_SIZE = 100;
    /**
     * The deepest a list may be paged ({@code page * size}): beyond it every page costs the database a scan of all the
     * rows before it (OFFSET), so a caller who wants more narrows the filters instead.
     */
    public static final long MAX_OFFSET = 10_000;

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(List.copyOf(items), page, size, totalItems, pages(totalItems, size), null, null);
    }

    /**
     * A page of a list whose total may be estimated ({@code exact} false) and that may be continued with a cursor
     * ({@code nextCursor} null on the last page).
     */
    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems, boolean exact,
                                     String nextCursor) {
        return new PageView<>(List.copyOf(items), page, size, totalItems, pages(totalItems, size), exact, nextCursor);
    }

    /** A complete, unpaged list (small, bounded collections such as a course's modules). */
    public static <T> PageView<T> all(List<T> items) {
        return new PageView<>(List.copyOf(items), 0, items.size(), items.size(), items.isEmpty() ? 0 : 1, null, null);
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages,
                totalItemsExact, nextCursor);
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

    private static long pages(long totalItems, int size) {
        return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
}
