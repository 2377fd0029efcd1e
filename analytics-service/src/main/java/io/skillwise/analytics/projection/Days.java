package io.skillwise.analytics.projection;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Figures are counted by UTC day; queries bound a day range by the instants where its days start. */
public final class Days {

    private Days() {
    }

    /** The first instant of the UTC day, to bind as a {@code timestamptz}. */
    public static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
