package io.skillwise.review.review;

import io.skillwise.kit.web.ApiException;
import org.springframework.data.domain.Sort;

import java.util.Locale;

/** The orders of a course's reviews; ties go to the newer review. */
enum ReviewSort {
    HELPFUL(Sort.Order.desc("helpfulCount")),
    NEWEST(Sort.Order.desc("createdAt")),
    HIGHEST(Sort.Order.desc("rating")),
    LOWEST(Sort.Order.asc("rating"));

    private final Sort order;

    ReviewSort(Sort.Order first) {
        this.order = first.getProperty().equals("createdAt")
                ? Sort.by(first, Sort.Order.asc("_id"))
                : Sort.by(first, Sort.Order.desc("createdAt"), Sort.Order.asc("_id"));
    }

    Sort order() {
        return order;
    }

    static ReviewSort parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("sort is one of helpful, newest, highest, lowest");
        }
    }
}
