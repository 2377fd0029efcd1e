package io.skillwise.catalog.category;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Requests and answers of the category API. */
public final class CategoryViews {

    private CategoryViews() {
    }

    /** A category with its sub-categories. */
    public record CategoryView(UUID id, @Schema(example = "web-development") String slug,
                               @Schema(example = "Web development") String name, UUID parentId,
                               List<CategoryView> children) {
    }

    /**
     * A change of a category (PATCH): each field only when present; {@code moves} says whether {@code parentId} was
     * given, since {@code null} there means "to the top level".
     */
    public record UpdateCategoryRequest(String name, String slug, boolean moves, UUID parentId) {
    }

    /** {@code slug} is derived from the name when absent. */
    public record CreateCategoryRequest(
            @Schema(example = "Web development") @NotBlank @Size(max = 120) String name,
            @Schema(example = "web-development") @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
            String slug,
            UUID parentId) {
    }
}
