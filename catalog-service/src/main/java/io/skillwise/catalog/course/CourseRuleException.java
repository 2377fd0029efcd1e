package io.skillwise.catalog.course;

/**
 * A course rule refused a change. {@link Kind#INVALID} means the request itself is wrong (400); {@link Kind#CONFLICT}
 * means the course is not in a state that allows it (409). Services turn it into the kit's problem.
 */
public class CourseRuleException extends RuntimeException {

    public enum Kind { INVALID, CONFLICT }

    private final Kind kind;

    public CourseRuleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static CourseRuleException invalid(String message) {
        return new CourseRuleException(Kind.INVALID, message);
    }

    public static CourseRuleException conflict(String message) {
        return new CourseRuleException(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
