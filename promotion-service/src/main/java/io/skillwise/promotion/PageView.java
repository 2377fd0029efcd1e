package io.skillwise.promotion;

import io.skillwise.kit.web.ApiException;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the shape every SkillWise list answers with (API.md). */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static final int MAX_SIZE = 100;

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(List.copyOf(items), page, size, totalItems, (totalItems + size - 1) / size);
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
    }
}
