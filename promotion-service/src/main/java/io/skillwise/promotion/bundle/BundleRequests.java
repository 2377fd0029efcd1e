package io.skillwise.promotion.bundle;

import io.skillwise.kit.web.MoneyRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

public final class BundleRequests {

    private static final String BUNDLE_TITLE = "Java and Spring, from zero to production";
    private static final String BUNDLE_DESCRIPTION = "Java for Beginners and Spring Boot in Practice, for less than "
            + "the two apart.";

    private BundleRequests() {
    }

    public record CreateBundleRequest(@Schema(example = BUNDLE_TITLE) @NotBlank @Size(max = 200) String title,
                                      @Schema(example = BUNDLE_DESCRIPTION) @Size(max = 5000) String description,
                                      @NotNull @Size(min = 2, max = 20) List<@NotNull UUID> courseIds,
                                      @NotNull @Valid MoneyRequest price) {
    }

    /** A partial change; absent fields stay. */
    public record UpdateBundleRequest(@Schema(example = BUNDLE_TITLE) @Size(min = 1, max = 200) String title,
                                      @Schema(example = BUNDLE_DESCRIPTION) @Size(max = 5000) String description,
                                      @Size(min = 2, max = 20) List<@NotNull UUID> courseIds,
                                      @Valid MoneyRequest price) {
    }
}
