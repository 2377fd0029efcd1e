package io.skillwise.promotion.referral;

import io.skillwise.promotion.referral.ReferralCode.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The one namespace of referral codes, affiliate and learner alike. */
@Service
public class ReferralCodes {

    // no 0/O or 1/I: codes are read aloud and typed from screenshots
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 10;

    private final ReferralCodeRepository codes;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ReferralCodes(ReferralCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    public static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    @Transactional(readOnly = true)
    public Optional<ReferralCode> find(String code) {
        return codes.find(normalize(code));
    }

    /** A fresh code for an affiliate membership. */
    @Transactional
    public String issueAffiliate(UUID userId, UUID membershipId) {
        while (true) {
            String code = "A" + randomPart();
            if (codes.insert(new ReferralCode(code, Kind.AFFILIATE, userId, membershipId), clock.instant())) {
                return code;
            }
        }
    }

    /** The learner's personal code, made on first use. */
    @Transactional
    public String learnerCode(UUID userId) {
        Optional<String> existing = codes.learnerCodeOf(userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        while (true) {
            String code = "L" + randomPart();
            if (codes.insert(new ReferralCode(code, Kind.LEARNER, userId, null), clock.instant())) {
                return code;
            }
            Optional<String> raced = codes.learnerCodeOf(userId);
            if (raced.isPresent()) {
                return raced.get();
            }
        }
    }

    private String randomPart() {
        StringBuilder part = new StringBuilder(LENGTH - 1);
        for (int i = 0; i < LENGTH - 1; i++) {
            part.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return part.toString();
    }
}
