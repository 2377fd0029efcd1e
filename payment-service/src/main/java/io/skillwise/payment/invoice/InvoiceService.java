package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderRepository;
import io.skillwise.payment.subscription.Subscription;
import io.skillwise.payment.subscription.SubscriptionRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@EnableConfigurationProperties(InvoiceProperties.class)
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final OrderRepository orders;
    private final InvoiceProperties properties;
    private final SubscriptionRepository subscriptions;

    public InvoiceService(InvoiceRepository invoices, OrderRepository orders, InvoiceProperties properties,
                          SubscriptionRepository subscriptions) {
        this.invoices = invoices;
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.properties = properties;
    }

    /** Issues the invoice of a paid order, in the transaction that marks it paid; once per order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID issue(Order order, Instant at) {
        return invoices.findByOrder(order.id()).map(InvoiceRepository.InvoiceRow::id).orElseGet(() -> {
            int year = at.atZone(ZoneOffset.UTC).getYear();
            InvoiceNumber number = new InvoiceNumber(properties.prefix(), year, invoices.nextSequence(year));
            UUID id = UUID.randomUUID();
            invoices.insert(InvoiceRepository.InvoiceRow.ofOrder(id, order.id(), number.toString(), at));
            return id;
        });
    }

    /**
     * Issues the invoice of a paid subscription period ({@code invoice.paid}), numbered like order invoices, in the
     * webhook's transaction; once per Stripe invoice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID issueForSubscription(UUID subscriptionId, String stripeInvoiceId, Money amount, Instant periodStart,
                                     Instant periodEnd, Instant at) {
        return invoices.findByStripeInvoice(stripeInvoiceId).map(InvoiceRepository.InvoiceRow::id).orElseGet(() -> {
            int year = at.atZone(ZoneOffset.UTC).getYear();
            InvoiceNumber number = new InvoiceNumber(properties.prefix(), year, invoices.nextSequence(year));
            UUID id = UUID.randomUUID();
            invoices.insert(new InvoiceRepository.InvoiceRow(id, null, number.toString(), at, subscriptionId,
                    stripeInvoiceId, amount.amount(), amount.currency(), periodStart, periodEnd));
            return id;
        });
    }

    /** The invoices of the subscriber's subscription periods, for their payment history. */
    @Transactional(readOnly = true)
    public List<SubscriptionInvoice> subscriptionInvoices(UUID subscriberId) {
        return invoices.bySubscriber(subscriberId).stream().map(row -> new SubscriptionInvoice(row.id(),
                row.number(), row.subscriptionId(), Money.of(row.amount(), row.currency()), row.periodStart(),
                row.periodEnd(), row.issuedAt())).toList();
    }

    public record SubscriptionInvoice(UUID invoiceId, String number, UUID subscriptionId, Money amount,
                                      Instant periodStart, Instant periodEnd, Instant issuedAt) {
    }

    /** The invoice for its buyer or an admin; anyone else gets 403 (the id alone grants nothing). */
    @Transactional(readOnly = true)
    public InvoiceView view(UUID invoiceId, CurrentUser caller) {
        InvoiceRepository.InvoiceRow row = invoices.find(invoiceId).orElseThrow(() -> ApiException.notFound("invoice"));
        if (row.subscriptionId() != null) {
            Subscription subscription = subscriptions.find(row.subscriptionId())
                    .orElseThrow(() -> ApiException.notFound("invoice"));
            Ownership.requireOwnerOrAdmin(caller, subscription.subscriberId());
            return subscriptionView(row, subscription);
        }
        Order order = orders.find(row.orderId()).orElseThrow(() -> ApiException.notFound("invoice"));
        Ownership.requireOwnerOrAdmin(caller, order.buyerId());
        return view(row, order);
    }

    public byte[] pdf(InvoiceView view) {
        return InvoicePdf.render(view);
    }

    private InvoiceView subscriptionView(InvoiceRepository.InvoiceRow row, Subscription subscription) {
        Money amount = Money.of(row.amount(), row.currency());
        Money zero = Money.zero(row.currency());
        String period = row.periodStart() == null ? "" : " " + row.periodStart().atZone(ZoneOffset.UTC).toLocalDate()
                + " to " + row.periodEnd().atZone(ZoneOffset.UTC).toLocalDate();
        InvoiceView.Line line = new InvoiceView.Line(null, "SkillWise " + subscription.planCode() + period, 1,
                amount, zero, amount);
        return new InvoiceView(row.id(), row.number(), row.issuedAt(), null, subscription.status().name(),
                seller(), new InvoiceView.Party(subscription.subscriberId(), null, null,
                        subscription.subscriberEmail(), null),
                List.of(line), amount, zero, zero,
                "Prices include any applicable tax; no tax is charged separately.", amount, zero,
                subscription.id());
    }

    private InvoiceView.Party seller() {
        return new InvoiceView.Party(null, properties.sellerName(), properties.sellerAddress(), null,
                properties.sellerTaxId());
    }

    private InvoiceView view(InvoiceRepository.InvoiceRow row, Order order) {
        Money zero = Money.zero(order.currency());
        String currency = order.currency();
        List<InvoiceView.Line> lines = order.lines().stream().map(line -> new InvoiceView.Line(line.courseId(),
                line.courseTitle(), 1, Money.of(line.priceAmount(), currency), Money.of(line.discountAmount(),
                currency), Money.of(line.paidAmount(), currency))).toList();
        return new InvoiceView(row.id(), row.number(), row.issuedAt(), order.id(), order.status().name(),
                new InvoiceView.Party(null, properties.sellerName(), properties.sellerAddress(), null,
                        properties.sellerTaxId()),
                new InvoiceView.Party(order.buyerId(), null, null, order.buyerEmail(), null),
                lines, order.price(), order.discount(), zero,
                "Prices include any applicable tax; no tax is charged separately.", order.paid(), order.refunded(),
                null);
    }
}
