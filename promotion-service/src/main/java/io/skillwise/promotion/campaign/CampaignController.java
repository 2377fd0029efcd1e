package io.skillwise.promotion.campaign;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.campaign.CampaignViews.CampaignReport;
import io.skillwise.promotion.campaign.CampaignViews.CampaignView;
import io.skillwise.promotion.campaign.CampaignViews.CreateCampaignRequest;
import io.swagger.v3.oas.annotations.Operation;
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

@Tag(name = "Campaigns", description = "Timed promotions that group coupons and sales and report their effect")
@RestController
@RequestMapping("/api/v1/promotions/campaigns")
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(summary = "Create a campaign",
            description = "Instructors (for their own courses) and admins (also platform-wide) group coupons and "
                    + "sales over a period. The campaign starts at startsAt (at once if that is past) and ends "
                    + "at endsAt, publishing CampaignStarted and CampaignEnded.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: endsAt not after startsAt or already past, an unknown "
                    + "course")
    @ApiResponse(responseCode = "403", description = "`forbidden`: a course of another instructor")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: a coupon or sale already belongs to another campaign")
    @PostMapping
    ResponseEntity<CampaignView> create(@Valid @RequestBody CreateCampaignRequest request) {
        CampaignView created = campaigns.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/campaigns/" + created.id())).body(created);
    }

    @Operation(summary = "List campaigns",
            description = "The caller's campaigns (every campaign for an admin), newest first. Changes nothing.")
    @ApiResponse(responseCode = "400", description = "`validation`: page below 0 or size outside 1 to 100")
    @GetMapping
    PageView<CampaignView> list(@RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        return campaigns.list(CurrentUser.require(), page, size);
    }

    @Operation(summary = "Read a campaign",
            description = "A campaign with its status; for its owner or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such campaign, or not one the caller may see")
    @OwnedObject("the campaign's owner, or an admin")
    @GetMapping("/{id}")
    CampaignView get(@PathVariable UUID id) {
        return campaigns.get(id, CurrentUser.require());
    }

    @Operation(summary = "Stop a campaign early",
            description = "Ends a running or scheduled campaign now and publishes CampaignEnded naming who stopped "
                    + "it. For its owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such campaign, or not one the caller may see")
    @ApiResponse(responseCode = "409", description = "`conflict`: the campaign has ended")
    @OwnedObject("the campaign's owner, or an admin")
    @PostMapping("/{id}/stop")
    CampaignView stop(@PathVariable UUID id) {
        return campaigns.stop(id, CurrentUser.require());
    }

    @Operation(summary = "Report on a campaign",
            description = "Purchases, enrollments and redemptions per day over the campaign, against a baseline of "
                    + "the same length before it. For its owner or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such campaign, or not one the caller may see")
    @OwnedObject("the campaign's owner, or an admin")
    @GetMapping("/{id}/report")
    CampaignReport report(@PathVariable UUID id) {
        return campaigns.report(id, CurrentUser.require());
    }
}
