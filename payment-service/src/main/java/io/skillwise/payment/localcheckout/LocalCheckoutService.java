package io.skillwise.payment.localcheckout;

import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.subscription.Subscription;
import io.skillwise.payment.subscription.SubscriptionService;
import io.skillwise.payment.subscription.SubscriptionStatus;
import io.skillwise.payment.provider.LocalPaymentProvider;
import io.skillwise.payment.provider.StripeProperties;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * The buyer's side of the local provider: the checkout page and what its buttons do. With Stripe configured there is
 * no local provider, and every page here is 404.
 */
@Service
class LocalCheckoutService {

    private final Optional<LocalPaymentProvider> provider;
    private final OrderService orders;
    private final SubscriptionService subscriptions;
    private final StripeProperties properties;

    LocalCheckoutService(Optional<LocalPaymentProvider> provider, OrderService orders,
                         SubscriptionService subscriptions, StripeProperties properties) {
        this.provider = provider;
        this.orders = orders;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    String subscriptionPage(UUID subscriptionId) {
        Subscription subscription = localSubscription(subscriptionId);
        String base = LocalPaymentProvider.CHECKOUT_PATH + "subscriptions/" + subscriptionId;
        String body = subscription.status() == SubscriptionStatus.PENDING
                ? """
                  <p>%s per month</p>
                  <form method="get" action="%s/subscribe"><button type="submit">Subscribe</button></form>
                  """.formatted(money(subscription.priceAmount(), subscription.currency()), base)
                : "<p>This subscription is " + subscription.status() + ".</p>";
        return html("SkillWise local checkout", "<h1>" + HtmlUtils.htmlEscape(subscription.planCode()) + "</h1>"
                + body + "<p><small>Local payment provider: no money moves.</small></p>");
    }

    String subscribe(UUID subscriptionId) {
        Subscription subscription = localSubscription(subscriptionId);
        if (subscription.status() != SubscriptionStatus.PENDING) {
            return html("Nothing to do", "<p>This subscription is " + subscription.status() + ".</p>");
        }
        local().subscribe(subscriptionId, subscription.price(), subscription.subscriberEmail());
        return html("Subscribed", "<h1>Subscribed.</h1><p><a href=\""
                + HtmlUtils.htmlEscape(properties.successUrl(subscriptionId)) + "\">Continue</a></p>");
    }

    private Subscription localSubscription(UUID subscriptionId) {
        local();
        return subscriptions.find(subscriptionId).orElseThrow(() -> ApiException.notFound("checkout"));
    }

    String page(UUID orderId) {
        Order order = localOrder(orderId);
        String base = LocalPaymentProvider.CHECKOUT_PATH + orderId;
        String body = order.awaitingPayment()
                ? """
                  <p>Amount: <strong>%s</strong></p>
                  <form method="get" action="%s/pay"><button type="submit">Pay</button></form>
                  <form method="get" action="%s/fail"><button type="submit">Pay with a failing card</button></form>
                  <form method="get" action="%s/cancel"><button type="submit">Cancel</button></form>
                  """.formatted(amount(order), base, base, base)
                : "<p>This order is " + order.status() + ".</p>";
        return html("SkillWise local checkout", "<h1>" + HtmlUtils.htmlEscape(order.title()) + "</h1>" + body
                + "<p><small>Local payment provider: no money moves. Each button sends the Stripe-signed event "
                + "Stripe would send.</small></p>");
    }

    String press(UUID orderId, LocalPaymentProvider.Outcome outcome) {
        Order order = localOrder(orderId);
        if (!order.awaitingPayment()) {
            return html("Nothing to do", "<p>This order is " + order.status() + ".</p>");
        }
        local().complete(orderId, order.paid(), order.buyerEmail(), outcome);
        String next = outcome == LocalPaymentProvider.Outcome.PAY ? properties.successUrl(orderId)
                : properties.cancelUrl(orderId);
        String message = switch (outcome) {
            case PAY -> "Payment accepted.";
            case FAIL -> "Your card was declined.";
            case CANCEL -> "Checkout cancelled.";
        };
        return html(message, "<h1>" + message + "</h1><p><a href=\"" + HtmlUtils.htmlEscape(next)
                + "\">Continue</a></p>");
    }

    /** Only orders of the local provider have a local page; with Stripe configured the page does not exist. */
    private Order localOrder(UUID orderId) {
        local();
        return orders.find(orderId).filter(order -> "local".equals(order.provider()))
                .orElseThrow(() -> ApiException.notFound("checkout"));
    }

    private LocalPaymentProvider local() {
        return provider.orElseThrow(() -> ApiException.notFound("local checkout"));
    }

    private static String amount(Order order) {
        return money(order.paidAmount(), order.currency());
    }

    private static String money(long amount, String currency) {
        return HtmlUtils.htmlEscape(java.math.BigDecimal.valueOf(amount,
                java.util.Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString() + " " + currency);
    }

    private static String html(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title)
                + "</title></head><body>" + body + "</body></html>";
    }
}
