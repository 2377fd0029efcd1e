package io.skillwise.promotion.guessing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The failure counters in PostgreSQL, so that every instance counts the same guesses. */
@Repository
class GuessRepository {

    /** A guesser's open window: since when, and how many failures in it. */
    record Window(Instant start, int failures) {
    }

    private final JdbcClient jdbc;

    GuessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The guesser's window, its row locked until the transaction ends: a guesser's concurrent quotes take turns, so
     * none of them slips past the limit.
     */
    Optional<Window> lock(String guesser) {
        return jdbc.sql("select window_start, failures from code_guess where guesser = :guesser for update")
                .param("guesser", guesser)
                .query((row, n) -> new Window(row.getTimestamp("window_start").toInstant(), row.getInt("failures")))
                .optional();
    }

    /** One more failure; a window that ended before {@code windowsOpenSince} starts again with this one. */
    void addFailure(String guesser, Instant now, Instant windowsOpenSince) {
        jdbc.sql("""
                        insert into code_guess (guesser, window_start, failures) values (:guesser, :now, 1)
                        on conflict (guesser) do update set
                            window_start = case when code_guess.window_start <= :since then :now
                                                else code_guess.window_start end,
                            failures = case when code_guess.window_start <= :since then 1
                                            else code_guess.failures + 1 end""")
                .param("guesser", guesser)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(windowsOpenSince))
                .update();
    }

    int deleteWindowsStartedBefore(Instant start) {
        return jdbc.sql("delete from code_guess where window_start < :start")
                .param("start", Timestamp.from(start)).update();
    }
}
