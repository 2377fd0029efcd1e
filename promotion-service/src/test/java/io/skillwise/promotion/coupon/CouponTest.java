package io.skillwise.promotion.coupon;

import io.skillwise.promotion.coupon.Coupon.CouponKind;
import io.skillwise.promotion.coupon.Coupon.CouponScope;
import io.skillwise.promotion.coupon.Coupon.CouponStatus;
import io.skillwise.promotion.quote.Spread;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CouponTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID COURSE = UUID.randomUUID();

    @Test
    void usableOnlyWhileActiveInItsWindowItsCampaignAndUnderItsLimit() {
        assertThat(coupon(CouponStatus.ACTIVE, null, null, null, 0, true).usableAt(NOW)).isTrue();
        assertThat(coupon(CouponStatus.PAUSED, null, null, null, 0, true).usableAt(NOW)).isFalse();
        assertThat(coupon(CouponStatus.ACTIVE, NOW.plusSeconds(1), null, null, 0, true).usableAt(NOW)).isFalse();
        assertThat(coupon(CouponStatus.ACTIVE, NOW, null, null, 0, true).usableAt(NOW)).isTrue();
        assertThat(coupon(CouponStatus.ACTIVE, null, NOW, null, 0, true).usableAt(NOW)).isFalse();
        assertThat(coupon(CouponStatus.ACTIVE, null, null, 3, 2, true).usableAt(NOW)).isTrue();
        assertThat(coupon(CouponStatus.ACTIVE, null, null, 3, 3, true).usableAt(NOW)).isFalse();
        assertThat(coupon(CouponStatus.ACTIVE, null, null, null, 0, false).usableAt(NOW)).isFalse();
    }

    @Test
    void scopeDecidesWhichLinesItCovers() {
        UUID otherCourse = UUID.randomUUID();
        UUID otherInstructor = UUID.randomUUID();
        Coupon listed = scoped(CouponScope.COURSES, List.of(COURSE), null);
        Coupon instructor = scoped(CouponScope.INSTRUCTOR, List.of(), null);
        Coupon platform = scoped(CouponScope.PLATFORM, List.of(), "EUR");

        assertThat(listed.covers(COURSE, OWNER, "USD")).isTrue();
        assertThat(listed.covers(otherCourse, OWNER, "USD")).isFalse();
        assertThat(instructor.covers(otherCourse, OWNER, "USD")).isTrue();
        assertThat(instructor.covers(COURSE, otherInstructor, "USD")).isFalse();
        assertThat(platform.covers(otherCourse, otherInstructor, "EUR")).isTrue();
        assertThat(platform.covers(otherCourse, otherInstructor, "USD")).isFalse();
    }

    @Test
    void percentRoundsDownPerLineAndFixedIsSpreadAndCapped() {
        Coupon percent = new Coupon(UUID.randomUUID(), "P", OWNER, OWNER, CouponKind.PERCENT, 15, null, null,
                CouponScope.INSTRUCTOR, List.of(), null, null, null, null, null, false, CouponStatus.ACTIVE, null,
                true, 0, NOW, NOW);
        Coupon fixed = new Coupon(UUID.randomUUID(), "F", OWNER, OWNER, CouponKind.FIXED, null, 1000L, "USD",
                CouponScope.INSTRUCTOR, List.of(), null, null, null, null, null, false, CouponStatus.ACTIVE, null,
                true, 0, NOW, NOW);

        assertThat(percent.discounts(new long[] {999, 101}, Spread::proportionally)).containsExactly(149, 15);
        assertThat(fixed.discounts(new long[] {3000, 1000}, Spread::proportionally)).containsExactly(750, 250);
        assertThat(fixed.discounts(new long[] {300, 100}, Spread::proportionally)).containsExactly(300, 100);
    }

    private static Coupon coupon(CouponStatus status, Instant startsAt, Instant endsAt, Integer limit,
                                 int redemptions, boolean campaignOpen) {
        return new Coupon(UUID.randomUUID(), "CODE", OWNER, OWNER, CouponKind.PERCENT, 10, null, null,
                CouponScope.COURSES, List.of(COURSE), startsAt, endsAt, limit, null, null, false, status, null,
                campaignOpen, redemptions, NOW, NOW);
    }

    private static Coupon scoped(CouponScope scope, List<UUID> courses, String currency) {
        return new Coupon(UUID.randomUUID(), "CODE", scope == CouponScope.PLATFORM ? null : OWNER, OWNER,
                CouponKind.PERCENT, 10, null, currency, scope, courses, null, null, null, null, null, false,
                CouponStatus.ACTIVE, null, true, 0, NOW, NOW);
    }
}
