package io.skillwise.payment.webhook;

import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import io.skillwise.payment.checkout.CheckoutWebhooks;
import io.skillwise.payment.dispute.DisputeWebhooks;
import io.skillwise.payment.provider.WebhookOutcome;
import io.skillwise.payment.refund.RefundWebhooks;
import io.skillwise.payment.subscription.SubscriptionWebhooks;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes verified Stripe events to the features they concern. Each event is recorded, applied and its outgoing event
 * written to the outbox in one transaction: a crash leaves either nothing (Stripe redelivers) or everything (a
 * redelivery is a duplicate).
 *
 * <p>Events about an order or payment this service cannot place yet (unknown order, a refund or dispute before the
 * completed checkout) are parked and applied right after the payment is placed, in that transaction.
 */
@Service
public class WebhookService {

    public enum Result { APPLIED, DUPLICATE, PARKED, IGNORED }

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

    private final StripeEventRepository stripeEvents;
    private final CheckoutWebhooks checkouts;
    private final RefundWebhooks refunds;
    private final DisputeWebhooks disputes;
    private final SubscriptionWebhooks subscriptions;
    private final Clock clock;

    WebhookService(StripeEventRepository stripeEvents, CheckoutWebhooks checkouts, RefundWebhooks refunds,
                   DisputeWebhooks disputes, SubscriptionWebhooks subscriptions, Clock clock) {
        this.stripeEvents = stripeEvents;
        this.checkouts = checkouts;
        this.refunds = refunds;
        this.disputes = disputes;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * @param event   the event as {@code Webhook.constructEvent} verified and read it
     * @param payload the body exactly as Stripe sent it, kept if the event has to be parked
     */
    @Transactional
    public Result handle(Event event, String payload) {
        if (!stripeEvents.record(event.getId(), event.getType(), clock.instant())) {
            return Result.DUPLICATE;
        }
        Result result = apply(event, payload, true);
        log.info("Stripe event {} {}: {}", event.getType(), event.getId(), result);
        return result;
    }

    private Result apply(Event event, String payload, boolean replayAfter) {
        Instant created = Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated());
        WebhookOutcome outcome = switch (event.getType()) {
            case "checkout.session.completed" -> {
                Session session = object(event, Session.class);
                yield "subscription".equals(session.getMode()) ? subscriptions.checkoutCompleted(session)
                        : checkouts.completed(session, created);
            }
            case "checkout.session.async_payment_succeeded" ->
                    checkouts.delayedPaymentSucceeded(object(event, Session.class), created);
            case "checkout.session.async_payment_failed" -> checkouts.delayedPaymentFailed(object(event, Session.class));
            case "checkout.session.expired" -> checkouts.expired(object(event, Session.class));
            case "payment_intent.payment_failed" -> checkouts.paymentFailed(object(event, PaymentIntent.class));
            case "charge.refunded" -> refunds.refunded(object(event, Charge.class));
            case "charge.dispute.created" -> disputes.opened(object(event, Dispute.class));
            case "charge.dispute.closed" -> disputes.closed(object(event, Dispute.class));
            case "invoice.paid" -> subscriptions.invoicePaid(object(event, Invoice.class));
            case "invoice.payment_failed" -> subscriptions.invoiceFailed(object(event, Invoice.class));
            case "customer.subscription.updated" ->
                    subscriptions.updated(object(event, com.stripe.model.Subscription.class));
            case "customer.subscription.deleted" ->
                    subscriptions.deleted(object(event, com.stripe.model.Subscription.class));
            default -> WebhookOutcome.ignored();
        };
        return switch (outcome.kind()) {
            case APPLIED -> Result.APPLIED;
            case IGNORED -> Result.IGNORED;
            case NOT_YET -> park(event, payload, outcome);
            case PLACED -> {
                if (replayAfter) {
                    replayParked(outcome);
                }
                yield Result.APPLIED;
            }
        };
    }

    private Result park(Event event, String payload, WebhookOutcome outcome) {
        if (outcome.orderId() == null && outcome.paymentIntentId() == null) {
            return Result.IGNORED;   // nothing could ever match it
        }
        stripeEvents.park(event.getId(), event.getType(), outcome.orderId(), outcome.paymentIntentId(), payload,
                clock.instant());
        return Result.PARKED;
    }

    /** Applies what was waiting for this order or payment; anything still early parks again. */
    private void replayParked(WebhookOutcome placed) {
        for (StripeEventRepository.Parked parked : stripeEvents.takeParked(placed.orderId(), placed.paymentIntentId())) {
            // read as constructEvent reads a delivery; it was verified when it arrived
            Event event = StripeObject.deserializeStripeObject(parked.payload(), Event.class,
                    ApiResource.getGlobalResponseGetter());
            Result result = apply(event, parked.payload(), false);
            log.info("parked Stripe event {} {}: {}", parked.type(), parked.eventId(), result);
        }
    }

    /**
     * The event's object in stripe-java's model. It is read from the tree {@code constructEvent} already parsed, for
     * any API version (the fields read here are the same in the versions since 2025-03-31, and the webhook endpoint
     * is created with the version stripe-java pins).
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object = event.getData() == null ? null : event.getData().getObject();
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("Stripe event " + event.getId() + " (" + event.getType()
                    + ") does not carry a " + type.getSimpleName());
        }
        return type.cast(object);
    }
}
