package io.skillwise.analytics.projection;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic look at the versions every instance takes: consumers match the versions table, lag is measured, a
 * rebuild that has caught up becomes the active version, and retired versions are dropped after their grace period.
 */
@Component
class ProjectionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMaintenance.class);

    private final ProjectionVersions versions;
    private final ProjectionConsumers consumers;
    private final ProjectionReads reads;
    private final ConsumerLag lag;
    private final ProjectionProperties properties;
    private final Clock clock;
    private boolean failing;

    ProjectionMaintenance(ProjectionVersions versions, ProjectionConsumers consumers, ProjectionReads reads,
                          ConsumerLag lag, ProjectionProperties properties, Clock clock) {
        this.versions = versions;
        this.consumers = consumers;
        this.reads = reads;
        this.lag = lag;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${skillwise.analytics.projection.check-interval:2s}",
            initialDelayString = "${skillwise.analytics.projection.check-interval:2s}")
    void check() {
        try {
            consumers.sync();
            Optional<ConsumerLag.Lag> active = versions.active().map(this::measure);
            Optional<ConsumerLag.Lag> building = versions.building().map(this::measure);
            lag.publish(active.orElse(null), building.orElse(null));
            if (building.isPresent() && building.get().total() <= properties.caughtUpLag()
                    && versions.activate(building.get().version())) {
                consumers.sync();
            }
            for (int dropped : versions.dropRetired(clock.instant().minus(properties.retiredGrace()))) {
                lag.forgetGroup(consumers.groupOf(dropped));
            }
            if (failing) {
                log.info("projection maintenance works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("projection maintenance failed, retrying every {}: {}", properties.checkInterval(), e.toString());
                failing = true;
            }
        }
    }

    private ConsumerLag.Lag measure(ProjectionVersion version) {
        return lag.measure(version.version(), reads.positionsOf(version.version()).nextOffsets());
    }
}
