package io.skillwise.kit.messaging.consumer;

import com.mongodb.MongoTimeoutException;
import io.skillwise.kit.messaging.MalformedEventException;
import io.skillwise.kit.messaging.UnprocessableEventException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    @Test
    void aDatabaseThatIsAwayIsTransientWhereverSpringWrapsIt() {
        assertThat(FailureKind.of(listener(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("pool timed out"))))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(listener(new CannotGetJdbcConnectionException("no connection"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(listener(new IllegalStateException("wrapped",
                new SQLException("terminating connection due to administrator command", "57P01")))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(listener(new CannotAcquireLockException("lock timeout"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void mongoAndKafkaTimeoutsAreTransient() {
        assertThat(FailureKind.of(listener(new MongoTimeoutException("no server")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(listener(new TimeoutException("no metadata")))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aRefusalIsPoisonEvenWhenItMentionsATransientCause() {
        assertThat(FailureKind.of(listener(new UnprocessableEventException("never")))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(listener(new MalformedEventException("no ce_id")))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(listener(new UnprocessableEventException("never",
                new SQLTransientConnectionException("irrelevant"))))).isEqualTo(FailureKind.POISON);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(FailureKind.of(listener(new IllegalStateException("a bug")))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(FailureKind.of(listener(new DataIntegrityViolationException("duplicate key"))))
                .isEqualTo(FailureKind.UNKNOWN);
        assertThat(FailureKind.of(listener(new SQLException("syntax error", "42601")))).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void theRootCauseNamesWhatWentWrong() {
        assertThat(FailureKind.rootCause(listener(new IllegalStateException("outer", new SQLException("inner")))))
                .isEqualTo(new SQLException("inner").toString());
    }

    private static ListenerExecutionFailedException listener(Throwable cause) {
        return new ListenerExecutionFailedException("Listener method failed", cause);
    }
}
