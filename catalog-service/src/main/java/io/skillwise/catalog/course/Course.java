package io.skillwise.catalog.course;

import io.skillwise.events.catalog.CourseLevel;
import io.skillwise.events.catalog.CourseStatus;
import io.skillwise.events.common.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The Course aggregate root: details, pricing and the publication workflow. Modules and lessons are kept by
 * {@link CurriculumService}; what publishing needs from them is passed in as a {@link CurriculumSummary}.
 */
public final class Course {

    private final UUID id;
    private final UUID instructorId;
    private String instructorName;
    private String title;
    private String subtitle;
    private String description;
    private UUID categoryId;
    private CourseLevel level;
    private String language;
    private boolean free;
    private Money price;
    private List<String> objectives;
    private List<String> requirements;
    private List<String> tags;
    private String thumbnailUrl;
    private String introVideoUrl;
    private CourseStatus status;
    private final int enrollmentCount;
    private final double ratingAverage;
    private final int ratingCount;
    private long revision;
    private boolean everPublished;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;

    private Course(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.instructorId = Objects.requireNonNull(b.instructorId, "instructorId");
        this.instructorName = b.instructorName;
        this.title = b.title;
        this.subtitle = b.subtitle;
        this.description = b.description;
        this.categoryId = b.categoryId;
        this.level = b.level;
        this.language = b.language;
        this.free = b.free;
        this.price = b.price;
        this.objectives = List.copyOf(b.objectives);
        this.requirements = List.copyOf(b.requirements);
        this.tags = List.copyOf(b.tags);
        this.thumbnailUrl = b.thumbnailUrl;
        this.introVideoUrl = b.introVideoUrl;
        this.status = b.status;
        this.enrollmentCount = b.enrollmentCount;
        this.ratingAverage = b.ratingAverage;
        this.ratingCount = b.ratingCount;
        this.revision = b.revision;
        this.everPublished = b.everPublished;
        this.createdAt = b.createdAt;
        this.updatedAt = b.updatedAt;
        this.publishedAt = b.publishedAt;
    }

    /** A new course of the instructor, in {@code DRAFT}. */
    public static Course draft(UUID id, UUID instructorId, String instructorName, String title, String description,
                               CourseLevel level, String language, Instant now) {
        Builder b = builder();
        b.id = id;
        b.instructorId = instructorId;
        b.instructorName = instructorName;
        b.title = requireText(title, "title");
        b.description = requireText(description, "description");
        b.level = Objects.requireNonNull(level, "level");
        b.language = requireText(language, "language");
        b.status = CourseStatus.DRAFT;
        b.createdAt = now;
        b.updatedAt = now;
        return new Course(b);
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- changes -----------------------------------------------------------------------------------------------

    public void rename(String newTitle) {
        this.title = requireText(newTitle, "title");
    }

    /** Blank clears the subtitle. */
    public void changeSubtitle(String newSubtitle) {
        this.subtitle = newSubtitle == null || newSubtitle.isBlank() ? null : newSubtitle.strip();
    }

    public void describe(String newDescription) {
        this.description = requireText(newDescription, "description");
    }

    public void fileUnder(UUID category) {
        this.categoryId = Objects.requireNonNull(category, "category");
    }

    public void aimAt(CourseLevel newLevel) {
        this.level = Objects.requireNonNull(newLevel, "level");
    }

    public void teachIn(String newLanguage) {
        this.language = requireText(newLanguage, "language");
    }

    /**
     * Sets how the course is sold. A price of zero means free; a free course carries no price; a paid course a price
     * above zero. Both absent leaves the course unpriced (allowed only before publication).
     */
    public void price(Boolean makeFree, Money newPrice) {
        if (makeFree == null && newPrice == null) {
            return;
        }
        boolean zero = newPrice != null && newPrice.amount() == 0;
        if (Boolean.TRUE.equals(makeFree) && newPrice != null && !zero) {
            throw CourseRuleException.invalid("A free course cannot have a price above zero.");
        }
        if (Boolean.FALSE.equals(makeFree) && zero) {
            throw CourseRuleException.invalid("A paid course needs a price above zero.");
        }
        if (Boolean.TRUE.equals(makeFree) || zero) {
            this.free = true;
            this.price = null;
        } else if (newPrice != null) {
            this.free = false;
            this.price = newPrice;
        } else {
            // free == false without a price: keeps the current price, which must exist
            if (price == null) {
                throw CourseRuleException.invalid("A paid course needs a price.");
            }
            this.free = false;
        }
    }

    public void setObjectives(List<String> values) {
        this.objectives = cleaned(values);
        if (status == CourseStatus.PUBLISHED && objectives.isEmpty()) {
            throw CourseRuleException.invalid("A published course must keep its learning objectives.");
        }
    }

    public void setRequirements(List<String> values) {
        this.requirements = cleaned(values);
    }

    public void setTags(List<String> values) {
        this.tags = cleaned(values).stream().map(String::toLowerCase).distinct().toList();
    }

    public void showWith(String newThumbnailUrl, String newIntroVideoUrl) {
        if (newThumbnailUrl != null) {
            this.thumbnailUrl = newThumbnailUrl.isBlank() ? null : newThumbnailUrl;
        }
        if (newIntroVideoUrl != null) {
            this.introVideoUrl = newIntroVideoUrl.isBlank() ? null : newIntroVideoUrl;
        }
    }

    /** Records that something changed; every change moves the revision on. */
    public void touched(Instant now) {
        this.revision++;
        this.updatedAt = now;
    }

    /** What is missing before the course can be published; empty when it can. */
    public List<String> missingForPublication(CurriculumSummary curriculum) {
        List<String> missing = new ArrayList<>();
        if (curriculum.modulesWithLessons() == 0) {
            missing.add("at least one module with at least one lesson");
        }
        if (!free && price == null) {
            missing.add("a price, or free set to true");
        }
        if (categoryId == null) {
            missing.add("a category");
        }
        if (objectives.isEmpty()) {
            missing.add("learning objectives");
        }
        return missing;
    }

    public void publish(CurriculumSummary curriculum, Instant now) {
        if (status == CourseStatus.PUBLISHED) {
            throw CourseRuleException.conflict("The course is already published.");
        }
        if (status == CourseStatus.ARCHIVED) {
            throw CourseRuleException.conflict("An archived course cannot be published again.");
        }
        List<String> missing = missingForPublication(curriculum);
        if (!missing.isEmpty()) {
            throw CourseRuleException.invalid("The course cannot be published yet; it needs "
                    + String.join(", ", missing) + ".");
        }
        this.status = CourseStatus.PUBLISHED;
        this.everPublished = true;
        this.publishedAt = now;
        touched(now);
    }

    public void unpublish(Instant now) {
        if (status != CourseStatus.PUBLISHED) {
            throw CourseRuleException.conflict("Only a published course can be unpublished; it is " + status + ".");
        }
        this.status = CourseStatus.UNPUBLISHED;
        touched(now);
    }

    /** A published course keeps what publishing required of its curriculum: a module with at least one lesson. */
    public void requireCurriculumKept(CurriculumSummary after) {
        if (status == CourseStatus.PUBLISHED && after.modulesWithLessons() == 0) {
            throw CourseRuleException.conflict("A published course needs at least one module with a lesson; "
                    + "add another first or unpublish the course.");
        }
    }

    /**
     * Retires the course for good: out of the listing and off sale, while enrolled learners keep their access. This is
     * what happens to a course that has enrollments instead of deletion.
     */
    public void archive(Instant now) {
        if (status == CourseStatus.ARCHIVED) {
            throw CourseRuleException.conflict("The course is already archived.");
        }
        this.status = CourseStatus.ARCHIVED;
        touched(now);
    }

    /** A course learners enrolled in is archived, never deleted. */
    public void requireDeletable() {
        if (enrollmentCount > 0) {
            throw CourseRuleException.conflict("The course has " + enrollmentCount
                    + " enrollments and cannot be deleted; archive it instead.");
        }
    }

    public boolean isPublished() {
        return status == CourseStatus.PUBLISHED;
    }

    public boolean isOwnedBy(UUID userId) {
        return instructorId.equals(userId);
    }

    // --- state -------------------------------------------------------------------------------------------------

    public UUID id() { return id; }
    public UUID instructorId() { return instructorId; }
    public String instructorName() { return instructorName; }
    public String title() { return title; }
    public String subtitle() { return subtitle; }
    public String description() { return description; }
    public UUID categoryId() { return categoryId; }
    public CourseLevel level() { return level; }
    public String language() { return language; }
    public boolean free() { return free; }
    public Money price() { return price; }
    public List<String> objectives() { return objectives; }
    public List<String> requirements() { return requirements; }
    public List<String> tags() { return tags; }
    public String thumbnailUrl() { return thumbnailUrl; }
    public String introVideoUrl() { return introVideoUrl; }
    public CourseStatus status() { return status; }
    public int enrollmentCount() { return enrollmentCount; }
    public double ratingAverage() { return ratingAverage; }
    public int ratingCount() { return ratingCount; }
    public long revision() { return revision; }
    public boolean everPublished() { return everPublished; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant publishedAt() { return publishedAt; }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CourseRuleException.invalid("The " + field + " must not be blank.");
        }
        return value.strip();
    }

    private static List<String> cleaned(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Rebuilds a stored course (repository) or a test course. */
    public static final class Builder {
        public UUID id;
        public UUID instructorId;
        public String instructorName;
        public String title;
        public String subtitle;
        public String description;
        public UUID categoryId;
        public CourseLevel level;
        public String language;
        public boolean free;
        public Money price;
        public List<String> objectives = List.of();
        public List<String> requirements = List.of();
        public List<String> tags = List.of();
        public String thumbnailUrl;
        public String introVideoUrl;
        public CourseStatus status = CourseStatus.DRAFT;
        public int enrollmentCount;
        public double ratingAverage;
        public int ratingCount;
        public long revision;
        public boolean everPublished;
        public Instant createdAt;
        public Instant updatedAt;
        public Instant publishedAt;

        private Builder() {
        }

        public Course build() {
            return new Course(this);
        }
    }
}
