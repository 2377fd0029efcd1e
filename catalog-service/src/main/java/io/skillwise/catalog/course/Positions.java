package io.skillwise.catalog.course;

/**
 * Zero-based ordering of modules in a course and lessons in a module: positions are always {@code 0..n-1} without
 * gaps. Inserting at a position shifts the ones from there on; removing closes the gap; a requested position past
 * the end means "last".
 */
public final class Positions {

    private Positions() {
    }

    /** Where a new item goes among {@code count} items, when the caller asked for {@code requested} (or nothing). */
    public static int forInsert(Integer requested, int count) {
        if (requested == null) {
            return count;
        }
        if (requested < 0) {
            throw CourseRuleException.invalid("A position starts at 0.");
        }
        return Math.min(requested, count);
    }

    /** Where an existing item goes among {@code count} items (itself included). */
    public static int forMove(int requested, int count) {
        if (requested < 0) {
            throw CourseRuleException.invalid("A position starts at 0.");
        }
        return Math.min(requested, count - 1);
    }
}
