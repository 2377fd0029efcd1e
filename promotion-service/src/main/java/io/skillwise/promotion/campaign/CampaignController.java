package io.skillwise.promotion.campaign;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.campaign.CampaignViews.CampaignReport;
import io.skillwise.promotion.campaign.CampaignViews.CampaignView;
import io.skillwise.promotion.campaign.CampaignViews.CreateCampaignRequest;
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
@RequestMapping("/api/v1/promotions/campaigns")
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    ResponseEntity<CampaignView> create(@Valid @RequestBody CreateCampaignRequest request) {
        CampaignView created = campaigns.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/campaigns/" + created.id())).body(created);
    }

    @GetMapping
    PageView<CampaignView> list(@RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        return campaigns.list(CurrentUser.require(), page, size);
    }

    @GetMapping("/{id}")
    CampaignView get(@PathVariable UUID id) {
        return campaigns.get(id, CurrentUser.require());
    }

    @PostMapping("/{id}/stop")
    CampaignView stop(@PathVariable UUID id) {
        return campaigns.stop(id, CurrentUser.require());
    }

    @GetMapping("/{id}/report")
    CampaignReport report(@PathVariable UUID id) {
        return campaigns.report(id, CurrentUser.require());
    }
}
