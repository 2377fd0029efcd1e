package io.skillwise.catalog.common;

import io.skillwise.kit.security.CurrentUser;

import java.util.Objects;
import java.util.UUID;

/**
 * A category's name or slug changed. Published inside the renaming transaction and handled synchronously in it by the
 * course feature, which copies the name onto its courses (the search document) and re-publishes every course other
 * services know, since their events carry the category's name and slug.
 */
public record CategoryRenamed(UUID categoryId, CurrentUser actor) {

    public CategoryRenamed {
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(actor, "actor");
    }
}
