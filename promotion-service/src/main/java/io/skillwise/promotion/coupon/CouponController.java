package io.skillwise.promotion.coupon;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.coupon.Coupon.CouponStatus;
import io.skillwise.promotion.coupon.CouponRequests.CreateCouponRequest;
import io.skillwise.promotion.coupon.CouponRequests.UpdateCouponRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Coupons: instructors for their own courses, admins for all (and alone for platform-wide ones). */
@RestController
@RequestMapping("/api/v1/promotions/coupons")
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class CouponController {

    private final CouponService coupons;

    CouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    @PostMapping
    ResponseEntity<CouponView> create(@Valid @RequestBody CreateCouponRequest request) {
        CouponView created = coupons.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/coupons/" + created.id())).body(created);
    }

    @GetMapping
    PageView<CouponView> list(@RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size,
                              @RequestParam(required = false) UUID ownerId) {
        return coupons.list(CurrentUser.require(), ownerId, page, size);
    }

    @GetMapping("/{id}")
    CouponView get(@PathVariable UUID id) {
        return coupons.get(id, CurrentUser.require());
    }

    @PatchMapping("/{id}")
    CouponView update(@PathVariable UUID id, @Valid @RequestBody UpdateCouponRequest request) {
        return coupons.update(id, request, CurrentUser.require());
    }

    @PostMapping("/{id}/pause")
    CouponView pause(@PathVariable UUID id) {
        return coupons.setStatus(id, CouponStatus.PAUSED, CurrentUser.require());
    }

    @PostMapping("/{id}/resume")
    CouponView resume(@PathVariable UUID id) {
        return coupons.setStatus(id, CouponStatus.ACTIVE, CurrentUser.require());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        coupons.delete(id, CurrentUser.require());
    }
}
