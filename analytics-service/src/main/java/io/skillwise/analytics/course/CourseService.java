package io.skillwise.analytics.course;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Courses, their owners and ratings, for the other features' answers. Runs inside the caller's read of a projection
 * version ({@link io.skillwise.analytics.projection.ProjectionReads}).
 */
@Service
public class CourseService {

    private final CourseRepository courses;

    CourseService(CourseRepository courses) {
        this.courses = courses;
    }

    /** The instructor's courses analytics knows (every course that was ever published, and none deleted). */
    public List<CourseInfo> coursesOf(UUID instructorId) {
        return courses.ofInstructor(instructorId);
    }

    public Optional<CourseInfo> find(UUID courseId) {
        return courses.find(courseId);
    }

    public Map<UUID, CourseInfo> findAll(Collection<UUID> courseIds) {
        return courses.findAll(courseIds).stream().collect(Collectors.toMap(CourseInfo::courseId, Function.identity()));
    }

    public List<InstructorActivity> mostActiveInstructors(LocalDate from, LocalDate to, int limit) {
        return courses.mostActiveInstructors(from, to, limit);
    }
}
