package io.skillwise.promotion.bundle;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.bundle.Bundle.BundleStatus;
import io.skillwise.promotion.bundle.BundleRequests.CreateBundleRequest;
import io.skillwise.promotion.bundle.BundleRequests.UpdateBundleRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/** Bundles: public to browse, managed by their owner (instructor or admin). */
@Tag(name = "Bundles", description = "Several courses of one instructor sold together for less")
@RestController
@RequestMapping("/api/v1/promotions/bundles")
class BundleController {

    private final BundleService bundles;

    BundleController(BundleService bundles) {
        this.bundles = bundles;
    }

    @Operation(summary = "Create a bundle",
            description = "An instructor (or an admin) bundles published paid courses of one instructor in one "
                    + "currency at a price below their total. Publishes no event; buying the bundle enrolls in "
                    + "every course.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a course twice, not published or free, another currency, "
                    + "a price not below the total")
    @ApiResponse(responseCode = "403", description = "`forbidden`: a course of another instructor")
    @PostMapping
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    ResponseEntity<BundleView> create(@Valid @RequestBody CreateBundleRequest request) {
        BundleView created = bundles.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/bundles/" + created.id())).body(created);
    }

    /** Active bundles; {@code mine=true} (signed in) lists the caller's own bundles, inactive ones included. */
    @Operation(summary = "List bundles",
            description = "Public: active bundles, newest first; with mine=true (a token needed) the caller's own "
                    + "bundles, inactive ones included. Changes nothing.")
    @ApiResponse(responseCode = "400", description = "`validation`: page below 0 or size outside 1 to 100")
    @ApiResponse(responseCode = "401", description = "`unauthorized`: mine=true without a token")
    @GetMapping
    PageView<BundleView> list(@RequestParam(defaultValue = "false") boolean mine,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Optional<CurrentUser> owner = mine ? Optional.of(CurrentUser.require()) : Optional.empty();
        return bundles.list(owner, page, size);
    }

    @Operation(summary = "Read a bundle",
            description = "Public: an active bundle with its courses and prices; its owner or an admin also sees an "
                    + "inactive one. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such bundle, or not one the caller may see")
    @GetMapping("/{id}")
    BundleView get(@PathVariable UUID id) {
        return bundles.get(id, CurrentUser.find());
    }

    @Operation(summary = "Change a bundle",
            description = "Changes the title, courses or price of a bundle; the same rules as creating it. For its "
                    + "owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such bundle, or not one the caller may see")
    @ApiResponse(responseCode = "400", description = "`validation` or `bad-request`: as when creating it")
    @ApiResponse(responseCode = "403", description = "`forbidden`: a course of another instructor")
    @OwnedObject("the bundle's owner, or an admin")
    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    BundleView update(@PathVariable UUID id, @Valid @RequestBody UpdateBundleRequest request) {
        return bundles.update(id, request, CurrentUser.require());
    }

    @Operation(summary = "Take a bundle off sale",
            description = "An inactive bundle is no longer listed or sold; purchases made stay. For its owner or an "
                    + "admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such bundle, or not one the caller may see")
    @OwnedObject("the bundle's owner, or an admin")
    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    BundleView deactivate(@PathVariable UUID id) {
        return bundles.setStatus(id, BundleStatus.INACTIVE, CurrentUser.require());
    }

    @Operation(summary = "Put a bundle on sale again",
            description = "For its owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such bundle, or not one the caller may see")
    @OwnedObject("the bundle's owner, or an admin")
    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    BundleView activate(@PathVariable UUID id) {
        return bundles.setStatus(id, BundleStatus.ACTIVE, CurrentUser.require());
    }
}
