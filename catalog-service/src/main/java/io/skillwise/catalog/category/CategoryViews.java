package io.skillwise.catalog.category;

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
    public record CategoryView(UUID id, String slug, String name, UUID parentId, List<CategoryView> children) {
    }

    /** {@code slug} is derived from the name when absent. */
    public record CreateCategoryRequest(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
            String slug,
            UUID parentId) {
    }
}
