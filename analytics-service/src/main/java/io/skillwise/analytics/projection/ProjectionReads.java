package io.skillwise.analytics.projection;

import io.skillwise.kit.web.ApiException;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a query against the active projection version, in one read-only transaction: everything an answer shows comes
 * from one snapshot of one version, with the time of the newest event applied to it.
 */
@Component
public class ProjectionReads {

    /**
     * @param version the projection version answering
     * @param asOf    the newest event applied to it (its {@code occurredAt}); absent before the first event
     */
    public record Snapshot(int version, Instant asOf) {
    }

    private final TransactionTemplate readOnly;
    private final ProjectionVersionRepository versions;
    private final ProjectionSchemas schemas;
    private final PositionRepository positions;

    ProjectionReads(PlatformTransactionManager transactions, ProjectionVersionRepository versions,
                    ProjectionSchemas schemas, PositionRepository positions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.versions = versions;
        this.schemas = schemas;
        this.positions = positions;
    }

    /**
     * Where a version stands: per {@code topic-partition} the next offset it applies, and how many records it has
     * applied (redeliveries included).
     */
    public record Positions(java.util.Map<String, Long> nextOffsets, long records, Instant asOf) {
    }

    public Positions positionsOf(int version) {
        return readOnly.execute(status -> {
            schemas.use(version);
            return new Positions(positions.nextOffsets(), positions.records(), positions.newestEvent().orElse(null));
        });
    }

    public <T> T read(Function<Snapshot, T> query) {
        return readOnly.execute(status -> {
            ProjectionVersion active = versions.withStatus(ProjectionVersion.Status.ACTIVE)
                    .filter(version -> version.layout() == ProjectionLayout.CURRENT)
                    .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "projections-rebuilding",
                            "Analytics is building its figures after an upgrade; try again in a few minutes."));
            schemas.use(active.version());
            return query.apply(new Snapshot(active.version(), positions.newestEvent().orElse(null)));
        });
    }
}
