package io.skillwise.analytics.projection;

import io.skillwise.events.Topics;
import java.util.List;
import org.springframework.stereotype.Component;

/** The topics every projection version reads from the beginning: every topic whose facts a figure depends on. */
@Component
public class ProjectionTopics {

    private static final List<String> READ = List.of(Topics.IDENTITY_USER, Topics.CATALOG_COURSE, Topics.PAYMENT_ORDER,
            Topics.PAYMENT_SUBSCRIPTION, Topics.ENROLLMENT_ENROLLMENT, Topics.REVIEW_REVIEW, Topics.PROMOTION_PROMOTION);

    private final List<String> names;

    ProjectionTopics(ProjectionProperties properties) {
        this.names = READ.stream().map(topic -> topic + properties.topicSuffix()).toList();
    }

    public List<String> names() {
        return names;
    }
}
