package io.skillwise.analytics.projection;

import java.time.Instant;
import java.util.UUID;

/**
 * One generation of the read models: a schema of its own filled by a consumer group of its own.
 *
 * @param layout      the table layout it was built with ({@link ProjectionLayout#CURRENT} at the time)
 * @param requestedBy the admin who asked for it; absent for the first version
 */
public record ProjectionVersion(int version, int layout, Status status, Instant createdAt, UUID requestedBy,
                                Instant activatedAt, Instant retiredAt) {

    public enum Status {
        /** Filling from the beginning of every topic beside the active version. */
        BUILDING,
        /** The version every answer comes from. */
        ACTIVE,
        /** Replaced by a newer version; its schema is dropped after a grace period. */
        RETIRED,
        /** Its schema is gone. */
        DROPPED,
        /** A rebuild an admin stopped; its schema is gone. */
        CANCELLED
    }

    /** The schema holding its tables. */
    public String schema() {
        return schemaOf(version);
    }

    public static String schemaOf(int version) {
        return "analytics_v" + version;
    }

    /** Versions whose consumers run: the active one and one being built. */
    public boolean consuming() {
        return status == Status.ACTIVE || status == Status.BUILDING;
    }
}
