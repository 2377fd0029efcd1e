package io.skillwise.catalog.course;

import java.util.Objects;
import java.util.UUID;

/** One module of a course's curriculum: a titled, ordered group of lessons. */
public record CourseModule(UUID id, UUID courseId, String title, int position) {

    public CourseModule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        if (title == null || title.isBlank()) {
            throw CourseRuleException.invalid("The module title must not be blank.");
        }
        title = title.strip();
        if (position < 0) {
            throw CourseRuleException.invalid("A position starts at 0.");
        }
    }

    public CourseModule renamed(String newTitle) {
        return new CourseModule(id, courseId, newTitle, position);
    }
}
