package io.skillwise.analytics.projection;

import io.skillwise.analytics.projection.ProjectionController.VersionView;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What the admin endpoints show and do: the versions with their progress, a rebuild started or cancelled. */
@Service
class ProjectionStatus {

    private final ProjectionVersions versions;
    private final ProjectionConsumers consumers;
    private final ProjectionReads reads;
    private final ConsumerLag lag;

    ProjectionStatus(ProjectionVersions versions, ProjectionConsumers consumers, ProjectionReads reads,
                     ConsumerLag lag) {
        this.versions = versions;
        this.consumers = consumers;
        this.reads = reads;
        this.lag = lag;
    }

    List<VersionView> versions() {
        return versions.all().stream().map(this::view).toList();
    }

    VersionView startRebuild(UUID admin) {
        ProjectionVersion started = versions.startRebuild(admin);
        consumers.sync();
        return view(started);
    }

    VersionView cancelRebuild() {
        ProjectionVersion cancelled = versions.cancelRebuild();
        consumers.sync();
        versions.dropCancelled(cancelled.version());
        lag.forgetGroup(consumers.groupOf(cancelled.version()));
        return view(cancelled);
    }

    private VersionView view(ProjectionVersion version) {
        if (!version.consuming()) {
            return new VersionView(version.version(), version.status().name(), version.layout(), version.createdAt(),
                    version.activatedAt(), version.retiredAt(), null, null, null, null, null);
        }
        ProjectionReads.Positions positions = reads.positionsOf(version.version());
        Optional<ConsumerLag.Lag> measured = lag.latest(version.version());
        return new VersionView(version.version(), version.status().name(), version.layout(), version.createdAt(),
                version.activatedAt(), version.retiredAt(), measured.map(ConsumerLag.Lag::total).orElse(null),
                measured.map(ConsumerLag.Lag::byTopic).orElse(null), measured.map(ConsumerLag.Lag::measuredAt).orElse(null),
                positions.records(), positions.asOf());
    }
}
