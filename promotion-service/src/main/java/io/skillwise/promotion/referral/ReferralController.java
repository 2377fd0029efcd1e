package io.skillwise.promotion.referral;

import io.skillwise.kit.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferralController {

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/api/v1/promotions/referrals/me")
    ReferralService.ReferralView mine() {
        return referrals.mine(CurrentUser.require());
    }
}
