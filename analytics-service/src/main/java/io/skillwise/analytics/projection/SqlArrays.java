package io.skillwise.analytics.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Columns of a batch as PostgreSQL arrays, for {@code insert ... select ... from unnest(...)}: one statement and one
 * round trip per table and batch, however many rows. Times and dates travel as ISO text, so SQL casts them
 * ({@code cast(:at as timestamptz[])}) and no JVM time zone can shift them.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static SqlArrayValue uuids(Collection<UUID> values) {
        return new SqlArrayValue("uuid", values.toArray());
    }

    public static SqlArrayValue texts(Collection<String> values) {
        return new SqlArrayValue("text", values.toArray());
    }

    public static SqlArrayValue longs(Collection<Long> values) {
        return new SqlArrayValue("int8", values.toArray());
    }

    public static SqlArrayValue ints(Collection<Integer> values) {
        return new SqlArrayValue("int4", values.toArray());
    }

    public static SqlArrayValue doubles(Collection<Double> values) {
        return new SqlArrayValue("float8", values.toArray());
    }

    public static SqlArrayValue booleans(Collection<Boolean> values) {
        return new SqlArrayValue("bool", values.toArray());
    }

    /** ISO-8601 instants as {@code text[]}; cast them with {@code cast(:name as timestamptz[])}. */
    public static SqlArrayValue times(Collection<Instant> values) {
        return new SqlArrayValue("text", values.stream().map(at -> at == null ? null : at.toString()).toArray());
    }

    /** ISO dates as {@code text[]}; cast them with {@code cast(:name as date[])}. */
    public static SqlArrayValue dates(Collection<LocalDate> values) {
        return new SqlArrayValue("text", values.stream().map(day -> day == null ? null : day.toString()).toArray());
    }
}
