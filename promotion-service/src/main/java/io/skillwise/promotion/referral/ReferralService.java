package io.skillwise.promotion.referral;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.promotion.referral.ReferralCode.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Learner-to-learner referrals: a personal code, the friend's discount, the referrer's credits. */
@Service
public class ReferralService {

    private final ReferralCodes codes;
    private final ReferralCodeRepository repository;
    private final ReferralProperties properties;
    private final Clock clock;

    ReferralService(ReferralCodes codes, ReferralCodeRepository repository, ReferralProperties properties,
                    Clock clock) {
        this.codes = codes;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    public record CreditsView(long count, List<Money> total) {
    }

    public record ReferralView(String code, String link, int friendDiscountPercent, long referrerCredit,
                               CreditsView credits) {
    }

    /** Only a verified user gets a code: unverified accounts are the cheapest way to farm credits. */
    @Transactional
    public ReferralView mine(CurrentUser caller) {
        if (!caller.emailVerified()) {
            throw ApiException.forbidden("verify your e-mail address to get a referral code");
        }
        String code = codes.learnerCode(caller.id());
        List<ReferralCodeRepository.CreditTotal> totals = repository.creditsOf(caller.id());
        long count = totals.stream().mapToLong(ReferralCodeRepository.CreditTotal::count).sum();
        return new ReferralView(code, properties.linkBase() + "/?ref=" + code, properties.friendDiscountPercent(),
                properties.referrerCredit(),
                new CreditsView(count, totals.stream().map(t -> Money.of(t.amount(), t.currency())).toList()));
    }

    public int friendDiscountPercent() {
        return properties.friendDiscountPercent();
    }

    /**
     * After a friend paid with a learner's code, the referrer is credited once per friend (the friend's first
     * purchase is the only one the code prices). Self-referral earns nothing. Runs in the inbox's transaction.
     */
    @Transactional
    public void purchased(CoursePurchased purchase) {
        if (purchase.referralCode() == null || purchase.referralCode().isBlank()) {
            return;
        }
        Optional<ReferralCode> found = codes.find(purchase.referralCode());
        if (found.isEmpty() || found.get().kind() != Kind.LEARNER
                || found.get().userId().equals(purchase.buyerId())) {
            return;
        }
        repository.insertCredit(found.get().userId(), purchase.buyerId(), purchase.orderId(), found.get().code(),
                properties.referrerCredit(), purchase.total().currency(), clock.instant());
    }
}
