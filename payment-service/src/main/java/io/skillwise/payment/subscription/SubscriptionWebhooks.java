package io.skillwise.payment.subscription;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.checkout.Session;
import io.skillwise.events.common.Money;
import io.skillwise.events.payment.SubscriptionActivated;
import io.skillwise.events.payment.SubscriptionEndReason;
import io.skillwise.events.payment.SubscriptionEnded;
import io.skillwise.events.payment.SubscriptionRenewed;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.provider.ProviderMetadata;
import io.skillwise.payment.provider.WebhookOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stripe Billing's events for the plan, applied in the webhook's transaction. Our subscription id travels in the
 * Stripe subscription's metadata, so every event can find its row even before the checkout completion linked it.
 */
@Service
public class SubscriptionWebhooks {

    private final SubscriptionRepository subscriptions;
    private final InvoiceService invoices;
    private final EventPublisher events;
    private final Clock clock;

    SubscriptionWebhooks(SubscriptionRepository subscriptions, InvoiceService invoices, EventPublisher events,
                         Clock clock) {
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /** {@code checkout.session.completed} in subscription mode: remember Stripe's subscription id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome checkoutCompleted(Session session) {
        Optional<Subscription> found = ProviderMetadata.uuid(session.getMetadata(), "subscriptionId")
                .or(() -> ProviderMetadata.uuid(session.getClientReferenceId())).flatMap(subscriptions::lock);
        String stripeId = session.getSubscription();
        if (found.isEmpty() || stripeId == null || stripeId.equals(found.get().stripeSubscriptionId())) {
            return WebhookOutcome.ignored();
        }
        subscriptions.update(found.get().linked(stripeId, clock.instant()));
        return WebhookOutcome.applied();
    }

    /** {@code invoice.paid}: the first paid period activates, each later one renews; every period is invoiced. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome invoicePaid(Invoice invoice) {
        Optional<Subscription> found = forInvoice(invoice);
        InvoiceLineItem.Period period = invoice.getLines() == null || invoice.getLines().getData() == null
                || invoice.getLines().getData().isEmpty() ? null : invoice.getLines().getData().getFirst().getPeriod();
        if (found.isEmpty() || period == null || period.getStart() == null || period.getEnd() == null) {
            return WebhookOutcome.ignored();
        }
        Subscription subscription = found.get();
        Instant start = Instant.ofEpochSecond(period.getStart());
        Instant end = Instant.ofEpochSecond(period.getEnd());
        if (subscription.status() == SubscriptionStatus.ENDED
                || subscription.currentPeriodEnd() != null && !end.isAfter(subscription.currentPeriodEnd())) {
            return WebhookOutcome.ignored();   // a period already applied, delivered again under another event id
        }
        Instant now = clock.instant();
        Money amount = Money.of(invoice.getAmountPaid() == null ? 0 : invoice.getAmountPaid(),
                invoice.getCurrency() == null ? subscription.currency() : invoice.getCurrency().toUpperCase(Locale.ROOT));
        Subscription paid = subscription.paidFor(start, end, now);
        subscriptions.update(paid);
        String stripeInvoiceId = invoice.getId() != null ? invoice.getId()
                : "period-" + paid.id() + "-" + end.getEpochSecond();
        invoices.issueForSubscription(new InvoiceService.PaidPeriod(paid.id(), paid.subscriberId(),
                paid.subscriberEmail(), paid.planCode(), stripeInvoiceId, amount, start, end), now);
        if (subscription.status() == SubscriptionStatus.PENDING) {
            events.publish(new SubscriptionActivated(paid.id(), paid.subscriberId(), paid.planCode(), amount, start,
                    end, now));
        } else {
            events.publish(new SubscriptionRenewed(paid.id(), paid.subscriberId(), paid.planCode(), amount, start,
                    end, now));
        }
        return WebhookOutcome.applied();
    }

    /** {@code invoice.payment_failed}: dunning starts; Stripe retries and ends the subscription if it gives up. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome invoiceFailed(Invoice invoice) {
        Optional<Subscription> found = forInvoice(invoice).filter(s -> s.status() == SubscriptionStatus.ACTIVE);
        found.ifPresent(s -> subscriptions.update(s.with(SubscriptionStatus.PAST_DUE, s.cancelAtPeriodEnd(),
                clock.instant())));
        return WebhookOutcome.applied(found.isPresent());
    }

    /** {@code customer.subscription.updated}: follows the cancel-at-period-end flag. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome updated(com.stripe.model.Subscription stripeSubscription) {
        Optional<Subscription> found = forSubscription(stripeSubscription);
        if (found.isEmpty() || found.get().status() == SubscriptionStatus.ENDED) {
            return WebhookOutcome.ignored();
        }
        boolean cancelAtEnd = Boolean.TRUE.equals(stripeSubscription.getCancelAtPeriodEnd());
        subscriptions.update(found.get().with(found.get().status(), cancelAtEnd, clock.instant()));
        return WebhookOutcome.applied();
    }

    /** {@code customer.subscription.deleted}: access ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public WebhookOutcome deleted(com.stripe.model.Subscription stripeSubscription) {
        Optional<Subscription> found = forSubscription(stripeSubscription);
        if (found.isEmpty() || found.get().status() == SubscriptionStatus.ENDED) {
            return WebhookOutcome.ignored();
        }
        Subscription subscription = found.get();
        Instant now = clock.instant();
        subscriptions.update(subscription.with(SubscriptionStatus.ENDED, subscription.cancelAtPeriodEnd(), now));
        String why = stripeSubscription.getCancellationDetails() == null ? null
                : stripeSubscription.getCancellationDetails().getReason();
        SubscriptionEndReason reason = "payment_disputed".equals(why) ? SubscriptionEndReason.DISPUTED
                : "payment_failed".equals(why) ? SubscriptionEndReason.PAYMENT_FAILED : SubscriptionEndReason.CANCELLED;
        events.publish(new SubscriptionEnded(subscription.id(), subscription.subscriberId(), subscription.planCode(),
                reason, now));
        return WebhookOutcome.applied();
    }

    /** Invoices name their subscription, and carry our id, under {@code parent.subscription_details}. */
    private Optional<Subscription> forInvoice(Invoice invoice) {
        Invoice.Parent.SubscriptionDetails details = invoice.getParent() == null ? null
                : invoice.getParent().getSubscriptionDetails();
        if (details == null) {
            return Optional.empty();
        }
        return find(details.getSubscription(), details.getMetadata());
    }

    private Optional<Subscription> forSubscription(com.stripe.model.Subscription stripeSubscription) {
        return find(stripeSubscription.getId(), stripeSubscription.getMetadata());
    }

    private Optional<Subscription> find(String stripeId, java.util.Map<String, String> metadata) {
        Optional<Subscription> found = stripeId == null ? Optional.empty() : subscriptions.lockByStripeId(stripeId);
        if (found.isEmpty()) {
            found = ProviderMetadata.uuid(metadata, "subscriptionId").flatMap(subscriptions::lock);
            if (found.isPresent() && found.get().stripeSubscriptionId() == null && stripeId != null) {
                Subscription linked = found.get().linked(stripeId, clock.instant());
                subscriptions.update(linked);
                found = Optional.of(linked);
            }
        }
        return found;
    }
}
