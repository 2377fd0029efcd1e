package io.skillwise.catalog.course;

import io.skillwise.kit.web.ApiException;

import java.util.function.Supplier;

/** Runs a use case and answers a broken course rule as the matching problem (400 or 409). */
final class Rules {

    private Rules() {
    }

    static <T> T enforce(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (CourseRuleException e) {
            throw switch (e.kind()) {
                case INVALID -> ApiException.badRequest(e.getMessage());
                case CONFLICT -> ApiException.conflict(e.getMessage());
            };
        }
    }

    static void enforce(Runnable useCase) {
        enforce(() -> {
            useCase.run();
            return null;
        });
    }
}
