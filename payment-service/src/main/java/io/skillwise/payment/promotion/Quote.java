package io.skillwise.payment.promotion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.skillwise.events.common.Money;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * promotion-service's price for a checkout, as ADR 0006 defines it: a line per course with what is paid for it,
 * the coupon and referral that apply, and the codes it rejected.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quote(String currency, UUID bundleId, List<Line> lines, Money price, Money discount, Money total,
                    Coupon coupon, Referral referral, List<Rejected> rejected) {

    public Quote {
        lines = lines == null ? List.of() : List.copyOf(lines);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(UUID courseId, Money price, Money discount, Money paid) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coupon(UUID couponId, String code) {
    }

    /** @param kind {@code AFFILIATE} (attributes the sale) or {@code LEARNER} (a friend's discount) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referral(String code, String kind) {

        public boolean affiliate() {
            return "AFFILIATE".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rejected(String kind, String code, String reason, String message) {
    }

    /** The rejection of the coupon, if the quote rejected it. */
    public Optional<Rejected> rejectedCoupon() {
        return rejected.stream().filter(r -> "COUPON".equals(r.kind())).findFirst();
    }

    /** What checkout sends: exactly one of {@code courseId} and {@code bundleId}. */
    public record Request(UUID buyerId, UUID courseId, UUID bundleId, String couponCode, String referralCode) {
    }
}
