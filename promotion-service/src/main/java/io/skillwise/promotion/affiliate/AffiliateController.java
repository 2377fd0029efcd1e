package io.skillwise.promotion.affiliate;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.affiliate.AffiliateViews.LinkView;
import io.skillwise.promotion.affiliate.AffiliateViews.MeView;
import io.skillwise.promotion.affiliate.AffiliateViews.MembershipView;
import io.skillwise.promotion.affiliate.AffiliateViews.OpenProgramRequest;
import io.skillwise.promotion.affiliate.AffiliateViews.ProgramResults;
import io.skillwise.promotion.affiliate.AffiliateViews.ProgramView;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/affiliates")
class AffiliateController {

    private final AffiliateService affiliates;

    AffiliateController(AffiliateService affiliates) {
        this.affiliates = affiliates;
    }

    @PostMapping("/programs")
    @PreAuthorize("hasRole('instructor')")
    ResponseEntity<ProgramView> open(@Valid @RequestBody OpenProgramRequest request) {
        ProgramView program = affiliates.open(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/affiliates/programs/" + program.id())).body(program);
    }

    /** Open programs to join; {@code mine=true} lists the instructor's own programs. */
    @GetMapping("/programs")
    PageView<ProgramView> programs(@RequestParam(defaultValue = "false") boolean mine,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return affiliates.programs(CurrentUser.require(), mine, page, size);
    }

    @GetMapping("/programs/{id}")
    ProgramView program(@PathVariable UUID id) {
        return affiliates.get(id);
    }

    @PostMapping("/programs/{id}/close")
    ProgramView close(@PathVariable UUID id) {
        return affiliates.close(id, CurrentUser.require());
    }

    @PostMapping("/programs/{id}/join")
    MembershipView join(@PathVariable UUID id) {
        return affiliates.join(id, CurrentUser.require());
    }

    @GetMapping("/programs/{id}/results")
    ProgramResults results(@PathVariable UUID id) {
        return affiliates.results(id, CurrentUser.require());
    }

    @GetMapping("/me")
    MeView me() {
        return affiliates.me(CurrentUser.require());
    }

    /** Public: anyone may open a shared link. */
    @GetMapping("/links/{code}")
    LinkView link(@PathVariable String code) {
        return affiliates.click(code, CurrentUser.find());
    }
}
