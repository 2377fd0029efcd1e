package io.skillwise.analytics.projection;

import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A page in the list shape of the API ({@link PageView}) with the freshness every analytics answer carries.
 *
 * @param asOf the newest event the figures include
 */
public record FreshPage<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                           @Schema(example = "137") long totalItems, @Schema(example = "7") long totalPages,
                           Instant asOf) {

    public static <T> FreshPage<T> of(PageView<T> page, Instant asOf) {
        return new FreshPage<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages(), asOf);
    }
}
