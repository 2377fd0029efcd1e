package io.skillwise.payment.subscription;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.provider.PaymentProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Starting and cancelling the all-access plan; what is paid and when it ends comes from Stripe's webhooks. */
@Service
@EnableConfigurationProperties(SubscriptionProperties.class)
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final PaymentProvider provider;
    private final SubscriptionProperties plan;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, PaymentProvider provider,
                               SubscriptionProperties plan, TransactionTemplate transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.provider = provider;
        this.plan = plan;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** As checkout: the row commits first, the provider is called outside the transaction, the same key repeats. */
    public Subscription start(CurrentUser subscriber, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw ApiException.badRequest("an Idempotency-Key header (1-200 characters) is required");
        }
        Optional<Subscription> existing = subscriptions.findByIdempotencyKey(subscriber.id(), idempotencyKey);
        if (existing.isPresent()) {
            return existing.get().checkoutUrl() == null ? attachCheckout(existing.get()) : existing.get();
        }
        if (!subscriber.emailVerified()) {
            throw ApiException.forbidden("verify your email address before subscribing");
        }
        Instant now = clock.instant();
        Subscription fresh = new Subscription(UUID.randomUUID(), subscriber.id(), subscriber.email(), idempotencyKey,
                plan.planCode(), plan.priceAmount(), plan.currency(), SubscriptionStatus.PENDING, null, null, null,
                null, null, false, now, now);
        Subscription stored = transactions.execute(status -> {
            if (subscriptions.hasLive(subscriber.id())) {
                throw ApiException.conflict("you already have an active subscription");
            }
            return subscriptions.insertIfNew(fresh) ? fresh
                    : subscriptions.findByIdempotencyKey(subscriber.id(), idempotencyKey).orElseThrow();
        });
        return stored.checkoutUrl() == null ? attachCheckout(stored) : stored;
    }

    public List<Subscription> mine(CurrentUser subscriber) {
        return subscriptions.bySubscriber(subscriber.id());
    }

    public Subscription cancel(UUID id, CurrentUser caller) {
        Subscription subscription = subscriptions.find(id).orElseThrow(() -> ApiException.notFound("subscription"));
        Ownership.requireOwnerOrAdmin(caller, subscription.subscriberId());
        if (!subscription.status().live()) {
            throw ApiException.conflict("a subscription that is " + subscription.status() + " cannot be cancelled");
        }
        if (subscription.cancelAtPeriodEnd()) {
            return subscription;
        }
        provider.cancelAtPeriodEnd(subscription.id(), subscription.stripeSubscriptionId());
        // Stripe confirms with customer.subscription.updated; re-read in case that already arrived
        return subscriptions.find(id).orElseThrow();
    }

    public Optional<Subscription> find(UUID id) {
        return subscriptions.find(id);
    }

    private Subscription attachCheckout(Subscription subscription) {
        PaymentProvider.CheckoutSession session = provider.createSubscriptionCheckout(
                new PaymentProvider.SubscriptionCheckoutRequest(subscription.id(), subscription.subscriberEmail(),
                        subscription.planCode(), subscription.price(), plan.stripePriceId()));
        Subscription withCheckout = subscription.withCheckout(session.sessionId(), session.url(), clock.instant());
        transactions.executeWithoutResult(status -> subscriptions.update(withCheckout));
        return withCheckout;
    }
}
