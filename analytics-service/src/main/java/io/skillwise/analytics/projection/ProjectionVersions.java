package io.skillwise.analytics.projection;

import io.skillwise.analytics.projection.ProjectionVersion.Status;
import io.skillwise.kit.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The generations of the read models and their life: the first one on a fresh database, a rebuild beside the active
 * one, the switch once it has caught up, and the removal of the replaced one. Every decision takes the same advisory
 * lock, so several instances never decide twice.
 */
@Service
public class ProjectionVersions {

    private static final Logger log = LoggerFactory.getLogger(ProjectionVersions.class);

    private final ProjectionVersionRepository versions;
    private final ProjectionSchemas schemas;
    private final Clock clock;

    ProjectionVersions(ProjectionVersionRepository versions, ProjectionSchemas schemas, Clock clock) {
        this.versions = versions;
        this.schemas = schemas;
        this.clock = clock;
    }

    /**
     * On start: a fresh database gets version 1, answering at once (empty until its consumers catch up); an active
     * version of an older table layout gets a rebuild.
     */
    @Transactional
    public void bootstrap() {
        versions.lock();
        Optional<ProjectionVersion> active = versions.withStatus(Status.ACTIVE);
        Optional<ProjectionVersion> building = versions.withStatus(Status.BUILDING);
        if (active.isEmpty() && building.isEmpty()) {
            int first = versions.next();
            versions.insert(first, ProjectionLayout.CURRENT, Status.ACTIVE, clock.instant(), null);
            schemas.create(first);
            log.info("projections start at version {}", first);
        } else if (active.isPresent() && active.get().layout() != ProjectionLayout.CURRENT && building.isEmpty()) {
            ProjectionVersion rebuild = createBuilding(null);
            log.warn("projection version {} has table layout {}, this release reads layout {}: rebuilding into "
                    + "version {}", active.get().version(), active.get().layout(), ProjectionLayout.CURRENT,
                    rebuild.version());
        }
    }

    @Transactional(readOnly = true)
    public List<ProjectionVersion> all() {
        return versions.all();
    }

    @Transactional(readOnly = true)
    public Optional<ProjectionVersion> active() {
        return versions.withStatus(Status.ACTIVE);
    }

    @Transactional(readOnly = true)
    public Optional<ProjectionVersion> building() {
        return versions.withStatus(Status.BUILDING);
    }

    /** A new version, filled from the beginning of every topic beside the active one. */
    @Transactional
    public ProjectionVersion startRebuild(UUID admin) {
        versions.lock();
        if (versions.withStatus(Status.BUILDING).isPresent()) {
            throw ApiException.conflict("A rebuild is already running; wait for it to finish or cancel it.");
        }
        ProjectionVersion rebuild = createBuilding(admin);
        log.info("rebuild of the projections into version {} requested by {}", rebuild.version(), admin);
        return rebuild;
    }

    /**
     * Marks the running rebuild cancelled, so its consumer is stopped; what it built is dropped by
     * {@link #dropCancelled} once it has stopped. The active version goes on answering.
     */
    @Transactional
    public ProjectionVersion cancelRebuild() {
        versions.lock();
        ProjectionVersion building = versions.withStatus(Status.BUILDING)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "No rebuild is running."));
        versions.move(building.version(), Status.BUILDING, Status.CANCELLED, clock.instant());
        log.info("rebuild into version {} cancelled", building.version());
        return versions.find(building.version()).orElseThrow();
    }

    /**
     * Drops the schema of a cancelled version. Called after its consumer stopped: dropping the tables under a batch
     * that is being applied makes the two wait for each other's table locks (a deadlock PostgreSQL ends by failing one).
     */
    @Transactional
    public void dropCancelled(int version) {
        schemas.drop(version);
    }

    /** Makes the rebuild the active version and retires the old one; false when another instance already did. */
    @Transactional
    public boolean activate(int building) {
        versions.lock();
        Instant now = clock.instant();
        if (versions.find(building).map(ProjectionVersion::status).orElse(null) != Status.BUILDING) {
            return false;
        }
        versions.withStatus(Status.ACTIVE).ifPresent(old -> versions.move(old.version(), Status.ACTIVE, Status.RETIRED, now));
        versions.move(building, Status.BUILDING, Status.ACTIVE, now);
        log.info("projection version {} caught up and answers from now on", building);
        return true;
    }

    /** Drops the tables of versions retired longer ago than the grace period; their readers have finished. */
    @Transactional
    public List<Integer> dropRetired(Instant retiredBefore) {
        versions.lock();
        List<Integer> dropped = versions.retiredBefore(retiredBefore).stream().map(ProjectionVersion::version).toList();
        for (int version : dropped) {
            versions.move(version, Status.RETIRED, Status.DROPPED, clock.instant());
            schemas.drop(version);
            log.info("projection version {} dropped", version);
        }
        return dropped;
    }

    private ProjectionVersion createBuilding(UUID admin) {
        int next = versions.next();
        versions.insert(next, ProjectionLayout.CURRENT, Status.BUILDING, clock.instant(), admin);
        schemas.create(next);
        return versions.find(next).orElseThrow();
    }
}
