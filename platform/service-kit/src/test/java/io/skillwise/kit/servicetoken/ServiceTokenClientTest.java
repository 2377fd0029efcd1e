package io.skillwise.kit.servicetoken;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The client-credentials token every service shares, against WireMock answering as Keycloak's token endpoint. */
class ServiceTokenClientTest {

    private WireMockServer keycloak;
    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T10:00:00Z"));

    @BeforeEach
    void start() {
        keycloak = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        keycloak.start();
    }

    @AfterEach
    void stop() {
        keycloak.stop();
    }

    @Test
    void oneTokenServesEveryCallUntilThirtySecondsBeforeItExpires() {
        answerTokens("token-1", 300);
        ServiceTokenClient client = client(Duration.ofSeconds(5));

        assertThat(client.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(client.token()).isEqualTo("token-1");
        keycloak.verify(exactly(1), postRequestedFor(urlEqualTo("/token"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo("payment-service"))
                .withFormParam("client_secret", equalTo("s3cret & more")));

        answerTokens("token-2", 300);
        clock.advance(Duration.ofSeconds(2));
        assertThat(client.token()).as("renewed 30 s before expiry").isEqualTo("token-2");
        keycloak.verify(exactly(2), postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aShortLivedTokenIsKeptForHalfItsLife() {
        answerTokens("brief", 40);
        ServiceTokenClient client = client(Duration.ofSeconds(5));

        client.token();
        clock.advance(Duration.ofSeconds(19));
        client.token();
        keycloak.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));
        clock.advance(Duration.ofSeconds(2));
        client.token();
        keycloak.verify(exactly(2), postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void sixteenCallersAtOnceShareOneFetch() throws Exception {
        keycloak.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withFixedDelay(300)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"shared\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        ServiceTokenClient client = client(Duration.ofSeconds(5));
        List<Callable<String>> callers = IntStream.range(0, 16).<Callable<String>>mapToObj(i -> client::token).toList();

        List<String> tokens = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<String> token : pool.invokeAll(callers)) {
                tokens.add(token.get());
            }
        }

        assertThat(tokens).hasSize(16).containsOnly("shared");
        keycloak.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aRejectedTokenIsReplacedAtTheNextCall() {
        answerTokens("revoked", 300);
        ServiceTokenClient client = client(Duration.ofSeconds(5));
        String first = client.token();
        answerTokens("replacement", 300);

        client.rejected("some older token");
        assertThat(client.token()).as("only the token that was refused is dropped").isEqualTo(first);
        client.rejected(first);
        assertThat(client.token()).isEqualTo("replacement");
    }

    @Test
    void keycloakRefusingTheClientIsAFailureThatNamesItsError() {
        keycloak.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client credentials\"}")));
        ServiceTokenClient client = client(Duration.ofSeconds(5));

        assertThatThrownBy(client::token).isInstanceOf(ServiceTokenException.class)
                .hasMessageContaining("401").hasMessageContaining("unauthorized_client");
        answerTokens("after-the-fix", 300);
        assertThat(client.token()).as("a failure is not cached").isEqualTo("after-the-fix");
    }

    @Test
    void aTokenEndpointSlowerThanTheReadTimeoutFails() {
        keycloak.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"late\",\"expires_in\":300}")));
        ServiceTokenClient client = client(Duration.ofMillis(200));

        assertThatThrownBy(client::token).isInstanceOf(ServiceTokenException.class)
                .hasMessageContaining("did not answer").hasRootCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void aTokenEndpointNobodyListensOnFails() {
        int port = keycloak.port();
        keycloak.stop();
        ServiceTokenClient client = new ServiceTokenClient(new ServiceTokenProperties(
                "http://127.0.0.1:" + port + "/token", "payment-service", "s3cret", Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofSeconds(30)), new JsonMapper(), clock);

        assertThatThrownBy(client::token).isInstanceOf(ServiceTokenException.class);
    }

    private ServiceTokenClient client(Duration readTimeout) {
        return new ServiceTokenClient(new ServiceTokenProperties(keycloak.baseUrl() + "/token", "payment-service",
                "s3cret & more", Duration.ofSeconds(2), readTimeout, Duration.ofSeconds(30)), new JsonMapper(), clock);
    }

    private void answerTokens(String token, long expiresIn) {
        keycloak.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                        + "}")));
    }

    /** A clock the test moves forward, so expiry is tested without waiting. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
