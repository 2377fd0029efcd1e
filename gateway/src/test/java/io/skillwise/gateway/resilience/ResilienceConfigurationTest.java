package io.skillwise.gateway.resilience;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.skillwise.gateway.web.GatewayProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceConfigurationTest {

    @Test
    void anAbsentOrStuckServiceCountsAgainstItsBreaker() {
        assertThat(ResilienceConfiguration.isServiceFailure(new ConnectException("Connection refused"))).isTrue();
        assertThat(ResilienceConfiguration.isServiceFailure(new RuntimeException(new ConnectException()))).isTrue();
        assertThat(ResilienceConfiguration.isServiceFailure(new TimeoutException())).isTrue();
        assertThat(ResilienceConfiguration.isServiceFailure(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
                .isTrue();
    }

    @Test
    void theCallersOwnMistakesDoNot() {
        assertThat(ResilienceConfiguration.isServiceFailure(
                new GatewayProblemException(HttpStatus.CONTENT_TOO_LARGE, "too large"))).isFalse();
        assertThat(ResilienceConfiguration.isServiceFailure(new IllegalArgumentException())).isFalse();
    }
}
