package io.skillwise.events.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * One module of a curriculum.
 *
 * @param moduleId the module id
 * @param title    the module title
 * @param position zero-based place of the module in the course
 * @param lessons  the module's lessons in {@code position} order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModuleOutline(UUID moduleId, String title, int position, List<LessonOutline> lessons) {

    public ModuleOutline {
        requireNonNull(moduleId, "moduleId");
        requireNonNull(title, "title");
        lessons = List.copyOf(requireNonNull(lessons, "lessons"));
    }
}
