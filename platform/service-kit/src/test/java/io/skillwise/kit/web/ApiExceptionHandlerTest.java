package io.skillwise.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a request that failed unexpectedly answers: 503 when a store was away, 500 for anything else. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/payments/create");

    @Test
    void aDatabaseThatIsDownIsA503WithRetryAfterNotAnInternalError() {
        // what Spring throws when the pool found no connection for the transaction while PostgreSQL is stopped
        Exception noConnection = new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
                        new ConnectException("Connection refused")));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(noConnection, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).endsWith("/unavailable");
        assertThat(answer.getBody().getDetail()).doesNotContain("Hikari", "JDBC", "refused");
        assertThat(answer.getBody().getInstance().toString()).isEqualTo("/api/v1/payments/create");
    }

    @Test
    void aStoreConnectionLostMidRequestIsA503Too() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(
                new DataAccessResourceFailureException("An I/O error occurred while sending to the backend"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsAnInternalErrorThatSaysNothingOfTheCode() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(new IllegalStateException("order 42 has no lines"),
                request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(answer.getBody().getType().toString()).endsWith("/internal");
        assertThat(answer.getBody().getDetail()).doesNotContain("order 42");
    }
}
