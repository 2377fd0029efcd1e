package io.skillwise.promotion.referral;

import io.skillwise.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Referrals", description = "Codes users share to bring friends, with a reward for both")
@RestController
class ReferralController {

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Operation(summary = "My referral code",
            description = "Any signed-in user with a verified e-mail address gets a referral code (issued on first "
                    + "call) and sees how many it brought. Publishes no event.")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the e-mail address is not verified")
    @GetMapping("/api/v1/promotions/referrals/me")
    ReferralService.ReferralView mine() {
        return referrals.mine(CurrentUser.require());
    }
}
