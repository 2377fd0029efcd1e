package io.skillwise.catalog.category;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A node of the admin-managed category tree; top-level categories have no parent. */
public record Category(UUID id, UUID parentId, String slug, String name, int position) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Category {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("a slug is lower-case words joined by '-', was '" + slug + "'");
        }
    }

    /** A slug made of a display name: "Web Development" becomes {@code web-development}. */
    public static String slugOf(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
