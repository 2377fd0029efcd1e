package io.skillwise.events.mother;

import io.skillwise.events.common.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Fixed ids, times and amounts, so that samples are equal across calls and failures are readable. */
public final class Samples {

    public static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    public static final UUID STUDENT = id("5700de47-0000-4000-8000-000000000001");
    public static final UUID INSTRUCTOR = id("1a57c70c-0000-4000-8000-000000000002");
    public static final UUID ADMIN = id("ad0001a1-0000-4000-8000-000000000003");
    public static final UUID SECOND_STUDENT = id("5700de47-0000-4000-8000-000000000005");
    public static final UUID AFFILIATE = id("aff11a7e-0000-4000-8000-000000000004");

    public static final UUID COURSE = id("c0c0c0c0-0000-4000-8000-000000000010");
    public static final UUID SECOND_COURSE = id("c0c0c0c0-0000-4000-8000-000000000011");
    public static final UUID CATEGORY = id("ca7e0000-0000-4000-8000-000000000012");
    public static final UUID MODULE = id("30d00000-0000-4000-8000-000000000013");
    public static final UUID VIDEO_LESSON = id("1e550000-0000-4000-8000-000000000014");
    public static final UUID QUIZ_LESSON = id("1e550000-0000-4000-8000-000000000015");
    public static final UUID LIVE_LESSON = id("1e550000-0000-4000-8000-000000000016");

    public static final UUID ORDER = id("0d0d0d0d-0000-4000-8000-000000000020");
    public static final UUID BUNDLE = id("b0b0b0b0-0000-4000-8000-000000000021");
    public static final UUID INVOICE = id("10f01ce0-0000-4000-8000-000000000022");
    public static final UUID REFUND = id("4ef0d000-0000-4000-8000-000000000023");
    public static final UUID DISPUTE = id("d1590000-0000-4000-8000-000000000024");
    public static final UUID SUBSCRIPTION = id("5b5b5b5b-0000-4000-8000-000000000025");
    public static final UUID SHARE = id("5ba4e000-0000-4000-8000-000000000026");

    public static final UUID ENROLLMENT = id("e0e0e0e0-0000-4000-8000-000000000030");
    public static final UUID ATTEMPT = id("a77e0000-0000-4000-8000-000000000031");
    public static final UUID REVIEW = id("4e400000-0000-4000-8000-000000000040");
    public static final UUID THREAD = id("7a4ead00-0000-4000-8000-000000000041");
    public static final UUID POST = id("90570000-0000-4000-8000-000000000042");

    public static final UUID COUPON = id("c0a90000-0000-4000-8000-000000000050");
    public static final UUID REDEMPTION = id("4ed00000-0000-4000-8000-000000000051");
    public static final UUID CAMPAIGN = id("ca3a0000-0000-4000-8000-000000000052");
    public static final UUID PROGRAM = id("9409a000-0000-4000-8000-000000000053");
    public static final UUID COMMISSION = id("c0330000-0000-4000-8000-000000000054");
    public static final UUID SALE = id("5a1e0000-0000-4000-8000-000000000055");

    private Samples() {
    }

    public static Instant daysLater(int days) {
        return NOW.plus(Duration.ofDays(days));
    }

    public static Money usd(long cents) {
        return Money.of(cents, "USD");
    }

    private static UUID id(String value) {
        return UUID.fromString(value);
    }
}
