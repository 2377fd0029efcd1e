package io.skillwise.promotion.bundle;

import io.skillwise.kit.web.MoneyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

public final class BundleRequests {

    private BundleRequests() {
    }

    public record CreateBundleRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description,
                                      @NotNull @Size(min = 2, max = 20) List<@NotNull UUID> courseIds,
                                      @NotNull @Valid MoneyRequest price) {
    }

    /** A partial change; absent fields stay. */
    public record UpdateBundleRequest(@Size(min = 1, max = 200) String title, @Size(max = 5000) String description,
                                      @Size(min = 2, max = 20) List<@NotNull UUID> courseIds,
                                      @Valid MoneyRequest price) {
    }
}
