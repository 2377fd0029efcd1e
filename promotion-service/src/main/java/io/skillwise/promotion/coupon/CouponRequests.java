package io.skillwise.promotion.coupon;

import io.skillwise.kit.web.MoneyRequest;
import io.skillwise.promotion.coupon.Coupon.CouponKind;
import io.skillwise.promotion.coupon.Coupon.CouponScope;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What clients may send about coupons; owner, status and redemptions never bind from a request. */
public final class CouponRequests {

    static final String CODE = "[A-Za-z0-9_-]{3,40}";
    /** A use limit beyond any campaign's reach; without a limit a coupon is unlimited. */
    static final int MAX_USES = 1_000_000;

    private CouponRequests() {
    }

    /**
     * @param instructorId for an admin creating an {@code INSTRUCTOR} coupon: whose courses it covers
     */
    public record CreateCouponRequest(
            @Schema(example = "SPRING25")
            @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = "3 to 40 letters, digits, '-' or '_'")
            String code,
            @NotNull CouponKind kind,
            @Schema(example = "25") @Min(1) @Max(100) Integer percentOff,
            @Valid MoneyRequest amountOff,
            @NotNull CouponScope scope,
            @Size(max = 100) List<@NotNull UUID> courseIds,
            UUID instructorId,
            Instant startsAt,
            Instant endsAt,
            @Schema(description = "Redemptions in all", example = "500") @Positive @Max(MAX_USES) Integer totalLimit,
            @Schema(example = "1") @Positive @Max(MAX_USES) Integer perUserLimit,
            @Valid MoneyRequest minimumPrice,
            Boolean firstPurchaseOnly) {
    }

    /** A partial update: absent fields stay as they are. Code, kind and scope never change. */
    public record UpdateCouponRequest(
            @Schema(example = "25") @Min(1) @Max(100) Integer percentOff,
            @Valid MoneyRequest amountOff,
            @Size(min = 1, max = 100) List<@NotNull UUID> courseIds,
            Instant startsAt,
            Instant endsAt,
            @Schema(description = "Redemptions in all", example = "500") @Positive @Max(MAX_USES) Integer totalLimit,
            @Schema(example = "1") @Positive @Max(MAX_USES) Integer perUserLimit,
            @Valid MoneyRequest minimumPrice,
            Boolean firstPurchaseOnly) {
    }
}
