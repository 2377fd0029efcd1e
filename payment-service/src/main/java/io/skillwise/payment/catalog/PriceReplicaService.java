package io.skillwise.payment.catalog;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CourseEvent;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseUnpublished;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the local price replica in step with catalog (the only source of prices for checkout), and the lessons'
 * durations by which the subscription revenue share weighs consumption.
 */
@Service
public class PriceReplicaService {

    /** A deletion is final, whatever revision arrives after it. */
    private static final long DELETED_REVISION = Long.MAX_VALUE;

    private final CoursePriceRepository prices;
    private final LessonDurationRepository lessons;
    private final Clock clock;

    public PriceReplicaService(CoursePriceRepository prices, LessonDurationRepository lessons, Clock clock) {
        this.prices = prices;
        this.lessons = lessons;
        this.clock = clock;
    }

    @Transactional
    public void apply(CourseEvent event) {
        switch (event) {
            case CourseState state -> applySnapshot(state);
            case CourseUnpublished unpublished -> prices.changeStatusIfNewer(unpublished.courseId(), "UNPUBLISHED",
                    unpublished.revision(), clock.instant());
            case CourseDeleted deleted -> prices.changeStatusIfNewer(deleted.courseId(), "DELETED", DELETED_REVISION,
                    clock.instant());
            default -> { }
        }
    }

    @Transactional
    public boolean applySnapshot(CourseState state) {
        lessons.upsertIfNewer(state.courseId(), state.lessons(), state.revision());
        return prices.upsertIfNewer(new CoursePrice(state.courseId(), state.instructorId(), state.title(),
                state.status().name(), state.free(), state.price(), state.revision()), clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<CoursePrice> find(UUID courseId) {
        return prices.find(courseId);
    }

    /** The durations catalog gave these lessons, in seconds; lessons without one are absent. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> lessonSeconds(Collection<UUID> lessonIds) {
        return lessons.durations(lessonIds);
    }
}
