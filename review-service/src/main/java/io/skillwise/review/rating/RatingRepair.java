package io.skillwise.review.rating;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A review change and the aggregate it moves are two documents, written one after the other. If the process dies
 * between them, the review stays marked as uncounted, and this job recomputes its course.
 */
@Component
class RatingRepair {

    private static final Logger log = LoggerFactory.getLogger(RatingRepair.class);

    private final RatingService ratings;
    private final RatingProperties properties;

    RatingRepair(RatingService ratings, RatingProperties properties) {
        this.ratings = ratings;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${skillwise.review.ratings.repair-interval}",
            initialDelayString = "${skillwise.review.ratings.repair-interval}")
    void repair() {
        try {
            int courses = ratings.repair(properties.repairGrace());
            if (courses > 0) {
                log.info("Recounted the ratings of {} course(s) with changes left uncounted", courses);
            }
        } catch (RuntimeException e) {
            log.warn("Rating repair failed; it runs again in {}", properties.repairInterval(), e);
        }
    }
}
