package io.skillwise.promotion.coupon;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.coupon.Coupon.CouponStatus;
import io.skillwise.promotion.coupon.CouponRequests.CreateCouponRequest;
import io.skillwise.promotion.coupon.CouponRequests.UpdateCouponRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Coupons", description = "Discount codes of instructors for their courses and of admins for the whole platform")
@RestController
@RequestMapping("/api/v1/promotions/coupons")
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class CouponController {

    private final CouponService coupons;

    CouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    @Operation(summary = "Create a coupon",
            description = "Instructors create coupons for their own courses (scope INSTRUCTOR or COURSES); only "
                    + "admins create PLATFORM coupons, naming the instructor where one pays for it. The code is "
                    + "unique across the platform. Publishes no event; CouponRedeemed follows when a purchase "
                    + "uses it.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a constraint of the body, a PERCENT coupon with "
                    + "amountOff, a FIXED one without, courses of another scope, an unknown course, endsAt "
                    + "before startsAt")
    @ApiResponse(responseCode = "403",
            description = "`forbidden`: a course of another instructor, or a PLATFORM coupon by an instructor")
    @ApiResponse(responseCode = "409", description = "`conflict`: the code is taken")
    @PostMapping
    ResponseEntity<CouponView> create(@Valid @RequestBody CreateCouponRequest request) {
        CouponView created = coupons.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/coupons/" + created.id())).body(created);
    }

    @Operation(summary = "List coupons",
            description = "The caller's own coupons, newest first; an admin sees every coupon or those of ownerId. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "400", description = "`validation`: page below 0 or size outside 1 to 100")
    @GetMapping
    PageView<CouponView> list(@RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size,
                              @RequestParam(required = false) UUID ownerId) {
        return coupons.list(CurrentUser.require(), ownerId, page, size);
    }

    @Operation(summary = "Read a coupon",
            description = "A coupon with its use so far; for its owner or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such coupon, or not one the caller may see")
    @OwnedObject("the coupon's owner, or an admin")
    @GetMapping("/{id}")
    CouponView get(@PathVariable UUID id) {
        return coupons.get(id, CurrentUser.require());
    }

    @Operation(summary = "Change a coupon",
            description = "Changes the limits, dates, courses or amount of a coupon; its code and kind stay. For "
                    + "its owner or an admin. Publishes no event.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a field of another kind, another currency, courses of "
                    + "another instructor")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such coupon, or not one the caller may see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: a course of another instructor")
    @OwnedObject("the coupon's owner, or an admin")
    @PatchMapping("/{id}")
    CouponView update(@PathVariable UUID id, @Valid @RequestBody UpdateCouponRequest request) {
        return coupons.update(id, request, CurrentUser.require());
    }

    @Operation(summary = "Pause a coupon",
            description = "A paused coupon stays listed but no purchase can use it until it is resumed. For its "
                    + "owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such coupon, or not one the caller may see")
    @OwnedObject("the coupon's owner, or an admin")
    @PostMapping("/{id}/pause")
    CouponView pause(@PathVariable UUID id) {
        return coupons.setStatus(id, CouponStatus.PAUSED, CurrentUser.require());
    }

    @Operation(summary = "Resume a coupon",
            description = "Makes a paused coupon usable again (within its dates and limits). For its owner or an "
                    + "admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such coupon, or not one the caller may see")
    @OwnedObject("the coupon's owner, or an admin")
    @PostMapping("/{id}/resume")
    CouponView resume(@PathVariable UUID id) {
        return coupons.setStatus(id, CouponStatus.ACTIVE, CurrentUser.require());
    }

    @Operation(summary = "Delete a coupon",
            description = "Deletes a coupon no purchase has used; a redeemed one is kept for the books and can only "
                    + "be paused. For its owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such coupon, or not one the caller may see")
    @ApiResponse(responseCode = "409", description = "`conflict`: the coupon was redeemed; pause it instead")
    @OwnedObject("the coupon's owner, or an admin")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        coupons.delete(id, CurrentUser.require());
    }
}
