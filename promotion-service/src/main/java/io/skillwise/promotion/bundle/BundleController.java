package io.skillwise.promotion.bundle;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.bundle.Bundle.BundleStatus;
import io.skillwise.promotion.bundle.BundleRequests.CreateBundleRequest;
import io.skillwise.promotion.bundle.BundleRequests.UpdateBundleRequest;
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
@RestController
@RequestMapping("/api/v1/promotions/bundles")
class BundleController {

    private final BundleService bundles;

    BundleController(BundleService bundles) {
        this.bundles = bundles;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    ResponseEntity<BundleView> create(@Valid @RequestBody CreateBundleRequest request) {
        BundleView created = bundles.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/bundles/" + created.id())).body(created);
    }

    /** Active bundles; {@code mine=true} (signed in) lists the caller's own bundles, inactive ones included. */
    @GetMapping
    PageView<BundleView> list(@RequestParam(defaultValue = "false") boolean mine,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Optional<CurrentUser> owner = mine ? Optional.of(CurrentUser.require()) : Optional.empty();
        return bundles.list(owner, page, size);
    }

    @GetMapping("/{id}")
    BundleView get(@PathVariable UUID id) {
        return bundles.get(id, CurrentUser.find());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    BundleView update(@PathVariable UUID id, @Valid @RequestBody UpdateBundleRequest request) {
        return bundles.update(id, request, CurrentUser.require());
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    BundleView deactivate(@PathVariable UUID id) {
        return bundles.setStatus(id, BundleStatus.INACTIVE, CurrentUser.require());
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    BundleView activate(@PathVariable UUID id) {
        return bundles.setStatus(id, BundleStatus.ACTIVE, CurrentUser.require());
    }
}
