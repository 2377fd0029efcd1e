package io.skillwise.promotion.affiliate;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.affiliate.AffiliateViews.LinkView;
import io.skillwise.promotion.affiliate.AffiliateViews.MeView;
import io.skillwise.promotion.affiliate.AffiliateViews.MembershipView;
import io.skillwise.promotion.affiliate.AffiliateViews.OpenProgramRequest;
import io.skillwise.promotion.affiliate.AffiliateViews.ProgramResults;
import io.skillwise.promotion.affiliate.AffiliateViews.ProgramView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

@Tag(name = "Affiliates", description = "Programs in which instructors pay a commission to users who bring buyers through their links")
@RestController
@RequestMapping("/api/v1/affiliates")
class AffiliateController {

    private final AffiliateService affiliates;

    AffiliateController(AffiliateService affiliates) {
        this.affiliates = affiliates;
    }

    @Operation(summary = "Open an affiliate program",
            description = "An instructor offers a commission on one course or on all their courses; one open "
                    + "program at a time covers a course. Publishes no event.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: an unknown course or a rate out of range")
    @ApiResponse(responseCode = "403",
            description = "`forbidden`: a course of another instructor, or the caller is not an instructor")
    @ApiResponse(responseCode = "409", description = "`conflict`: an open program already covers the course")
    @PostMapping("/programs")
    @PreAuthorize("hasRole('instructor')")
    ResponseEntity<ProgramView> open(@Valid @RequestBody OpenProgramRequest request) {
        ProgramView program = affiliates.open(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/affiliates/programs/" + program.id())).body(program);
    }

    /** Open programs to join; {@code mine=true} lists the instructor's own programs. */
    @Operation(summary = "List affiliate programs",
            description = "Open programs any signed-in user may join; with mine=true the caller's own programs. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "400", description = "`validation`: page below 0 or size outside 1 to 100")
    @GetMapping("/programs")
    PageView<ProgramView> programs(@RequestParam(defaultValue = "false") boolean mine,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return affiliates.programs(CurrentUser.require(), mine, page, size);
    }

    @Operation(summary = "Read an affiliate program",
            description = "One program, for any signed-in user. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such affiliate program, or not one the caller may see")
    @GetMapping("/programs/{id}")
    ProgramView program(@PathVariable UUID id) {
        return affiliates.get(id);
    }

    @Operation(summary = "Close an affiliate program",
            description = "No one joins a closed program any more and its links stop earning new commissions. For "
                    + "its instructor or an admin.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such affiliate program, or not one the caller may see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the program is another instructor's")
    @OwnedObject("the program's instructor, or an admin")
    @PostMapping("/programs/{id}/close")
    ProgramView close(@PathVariable UUID id) {
        return affiliates.close(id, CurrentUser.require());
    }

    @Operation(summary = "Join an affiliate program",
            description = "Any signed-in user with a verified e-mail address gets a link code for the program; "
                    + "joining again answers the same membership. A purchase through the link publishes "
                    + "AffiliateCommissionEarned.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such affiliate program, or not one the caller may see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the e-mail address is not verified")
    @ApiResponse(responseCode = "409", description = "`conflict`: the program is closed")
    @PostMapping("/programs/{id}/join")
    MembershipView join(@PathVariable UUID id) {
        return affiliates.join(id, CurrentUser.require());
    }

    @Operation(summary = "Results of an affiliate program",
            description = "Clicks, conversions and commissions per affiliate; for the program's instructor or an "
                    + "admin. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such affiliate program, or not one the caller may see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the program is another instructor's")
    @OwnedObject("the program's instructor, or an admin")
    @GetMapping("/programs/{id}/results")
    ProgramResults results(@PathVariable UUID id) {
        return affiliates.results(id, CurrentUser.require());
    }

    @Operation(summary = "My affiliate memberships",
            description = "The caller's programs with link, clicks, conversions and commissions. Changes nothing.")
    @GetMapping("/me")
    MeView me() {
        return affiliates.me(CurrentUser.require());
    }

    /** Public: anyone may open a shared link. */
    @Operation(summary = "Follow an affiliate link",
            description = "Public: counts a click on the link and, for a signed-in visitor, records the first touch "
                    + "that a later purchase is attributed to. Answers where the link leads (a course or the "
                    + "instructor's courses).")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such link code")
    @GetMapping("/links/{code}")
    LinkView link(@Parameter(description = "the code of the shared link; no link has a longer one",
            schema = @Schema(maxLength = 64)) @PathVariable String code) {
        return affiliates.click(code, CurrentUser.find());
    }
}
