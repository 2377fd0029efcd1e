package io.skillwise.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenLeasesTest {

    @Test
    void aLeaseIsSpentOneTokenAtATime() {
        TokenLeases leases = new TokenLeases(Duration.ofMinutes(1).toNanos());
        leases.lease("ip:1", 2);

        assertThat(leases.trySpend("ip:1")).isTrue();
        assertThat(leases.trySpend("ip:1")).isTrue();
        assertThat(leases.trySpend("ip:1")).isFalse();
        assertThat(leases.trySpend("ip:2")).isFalse();
    }

    @Test
    void batchesBroughtByConcurrentRequestsAddUp() {
        TokenLeases leases = new TokenLeases(Duration.ofMinutes(1).toNanos());
        leases.lease("ip:1", 2);
        leases.lease("ip:1", 3);

        int spent = 0;
        while (leases.trySpend("ip:1")) {
            spent++;
        }
        assertThat(spent).isEqualTo(5);
    }

    @Test
    void anExpiredLeaseIsNotSpent() {
        TokenLeases leases = new TokenLeases(0);
        leases.lease("ip:1", 5);

        assertThat(leases.trySpend("ip:1")).isFalse();
        assertThat(leases.size()).isZero();
    }

    @Test
    void smallBucketsAreNeverLeasedAndLargeOnesAtMostAHundredTokens() {
        assertThat(RedisTokenBuckets.leaseSize(new RateLimitProperties.Limit(10, Duration.ofMinutes(1)))).isEqualTo(1);
        assertThat(RedisTokenBuckets.leaseSize(new RateLimitProperties.Limit(19, Duration.ofSeconds(1)))).isEqualTo(1);
        assertThat(RedisTokenBuckets.leaseSize(new RateLimitProperties.Limit(100, Duration.ofSeconds(1)))).isEqualTo(10);
        assertThat(RedisTokenBuckets.leaseSize(new RateLimitProperties.Limit(1_000_000, Duration.ofSeconds(1))))
                .isEqualTo(100);
    }
}
