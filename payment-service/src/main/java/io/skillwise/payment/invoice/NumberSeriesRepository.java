package io.skillwise.payment.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The yearly counters behind invoice and credit note numbers: two series, each gapless within a calendar year. */
@Repository
class NumberSeriesRepository {

    enum Series {
        INVOICE("invoice_sequence"), CREDIT_NOTE("credit_note_sequence");

        /** A constant of this enum, never text from a request, so it may stand in the SQL. */
        private final String table;

        Series(String table) {
            this.table = table;
        }
    }

    private final JdbcClient jdbc;

    NumberSeriesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the year in the series. The upsert locks the year's row until the transaction ends, so
     * concurrent issues queue up and a rolled-back issue gives its number back: no gaps, no duplicates.
     */
    int next(Series series, int year) {
        return jdbc.sql("insert into " + series.table + " (year, last) values (:year, 1) on conflict (year) do update"
                        + " set last = " + series.table + ".last + 1 returning last")
                .param("year", year).query(Integer.class).single();
    }
}
