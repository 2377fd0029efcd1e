package io.skillwise.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirewallCharactersTest {

    private static final Predicate<String> DEFAULT_NAMES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;
    private static final Predicate<String> DEFAULT_VALUES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void everyCodePointAloneIsJudgedAsTheFirewallsRegularExpressionsJudgeIt() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = Character.toString(codePoint);
            String inText = "Bearer a" + alone + "z";
            compare(alone, disagreements);
            compare(inText, disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void edgeCasesAreJudgedAsTheFirewallJudgesThem() {
        List<String> samples = List.of("", "Accept", "application/json, text/plain;q=0.9", "a\tb", "\t", "a\nb",
                "a\rb", "\u0000", "\u007f", "\u0085", "\u009f", "\u00a0", "caf\u00e9", "\u2028", "\u2029",
                "\ufeff", "\ufffe", "\uffff", "\ud83d\ude00 smile", "lone \ud83d high", "lone \ude00 low",
                "\ude00\ud83d reversed pair", "\u0378 unassigned", "x".repeat(8192));
        List<String> disagreements = new ArrayList<>();
        samples.forEach(sample -> compare(sample, disagreements));
        assertThat(disagreements).isEmpty();
        assertThat(FirewallCharacters.NAMES.test(null)).isEqualTo(DEFAULT_NAMES.test(null)).isTrue();
        assertThat(FirewallCharacters.VALUES.test(null)).isEqualTo(DEFAULT_VALUES.test(null)).isTrue();
    }

    @Test
    void controlCharactersAreRefusedAndATabOnlyInValues() {
        assertThat(FirewallCharacters.NAMES.test("X-Id\n")).isFalse();
        assertThat(FirewallCharacters.VALUES.test("value\r\nSet-Cookie: a=b")).isFalse();
        assertThat(FirewallCharacters.NAMES.test("X\tId")).isFalse();
        assertThat(FirewallCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(FirewallCharacters.VALUES.test("caf\u00e9 \ud83d\ude00")).isTrue();
        assertThat(FirewallCharacters.VALUES.test("\u0378")).isFalse();
    }

    @Test
    void theGatewaysFirewallRefusesAControlCharacterWhenTheHeaderIsRead() {
        ServerHttpRequest request = firewalled(MockServerHttpRequest.get("/api/v1/courses")
                .header("Origin", "http://localhost:3000\u0085")
                .header("Authorization", "Bearer abc")
                .header("X-Bad-Name\u0001", "x"));

        assertThatThrownBy(() -> request.getHeaders().getFirst("Origin"))
                .isInstanceOf(ServerExchangeRejectedException.class);
        assertThatThrownBy(() -> request.getHeaders().headerNames())
                .isInstanceOf(ServerExchangeRejectedException.class);
        assertThat(request.getHeaders().getFirst("Authorization")).isEqualTo("Bearer abc");
    }

    @Test
    void theGatewaysFirewallKeepsItsDefaultPathRules() {
        MockServerWebExchange traversal = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/v1/courses/%2e%2e/actuator/env"));

        assertThatThrownBy(() -> FirewallCharacters.strictFirewall().getFirewalledExchange(traversal).block())
                .isInstanceOf(ServerExchangeRejectedException.class);
    }

    private static ServerHttpRequest firewalled(MockServerHttpRequest.BaseBuilder<?> request) {
        return FirewallCharacters.strictFirewall().getFirewalledExchange(MockServerWebExchange.from(request)).block()
                .getRequest();
    }

    private static void compare(String sample, List<String> disagreements) {
        if (FirewallCharacters.NAMES.test(sample) != DEFAULT_NAMES.test(sample)) {
            disagreements.add("name " + describe(sample));
        }
        if (FirewallCharacters.VALUES.test(sample) != DEFAULT_VALUES.test(sample)) {
            disagreements.add("value " + describe(sample));
        }
    }

    private static String describe(String sample) {
        StringBuilder codePoints = new StringBuilder();
        sample.codePoints().limit(12).forEach(cp -> codePoints.append(String.format("U+%04X ", cp)));
        return codePoints.toString().trim();
    }
}
