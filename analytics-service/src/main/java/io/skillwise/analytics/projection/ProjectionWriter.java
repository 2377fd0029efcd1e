package io.skillwise.analytics.projection;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch to one projection version: every feature's projection and the partitions' positions, in one
 * transaction. A failure rolls the whole batch back and the consumer reads it again.
 */
@Service
public class ProjectionWriter {

    private final List<Projection> projections;
    private final ProjectionSchemas schemas;
    private final PositionRepository positions;

    ProjectionWriter(List<Projection> projections, ProjectionSchemas schemas, PositionRepository positions) {
        this.projections = projections;
        this.schemas = schemas;
        this.positions = positions;
    }

    @Transactional
    public void apply(int version, EventBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        schemas.use(version);
        for (Projection projection : projections) {
            projection.apply(batch);
        }
        positions.advance(batch.progress());
    }
}
