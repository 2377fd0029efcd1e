package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The category a course is filed under.
 *
 * @param id   the category id
 * @param slug the stable, URL-safe key clients filter by, e.g. {@code web-development}
 * @param name the display name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CategoryRef(UUID id, String slug, String name) {

    public CategoryRef {
        requireNonNull(id, "id");
        requireNonNull(slug, "slug");
        requireNonNull(name, "name");
    }
}
