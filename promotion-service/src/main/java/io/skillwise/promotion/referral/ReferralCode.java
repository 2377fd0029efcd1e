package io.skillwise.promotion.referral;

import java.util.UUID;

/**
 * A code a buyer passes as {@code referralCode}: an affiliate's (it attributes the sale) or a learner's personal
 * one (it gives the friend a discount on a first purchase). Both kinds share one namespace.
 *
 * @param membershipId the affiliate membership, for {@code AFFILIATE} codes
 */
public record ReferralCode(String code, Kind kind, UUID userId, UUID membershipId) {

    public enum Kind { AFFILIATE, LEARNER }
}
