package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@EnableConfigurationProperties(InvoiceProperties.class)
public class InvoiceService {

    private final InvoiceRepository invoices;
    private final OrderService orders;
    private final InvoiceProperties properties;

    InvoiceService(InvoiceRepository invoices, OrderService orders, InvoiceProperties properties) {
        this.invoices = invoices;
        this.orders = orders;
        this.properties = properties;
    }

    /**
     * One paid period of a subscription, with whom it bills and for which plan (kept on the invoice as issued).
     *
     * @param stripeInvoiceId the provider's invoice for the period: one invoice of ours per provider invoice
     */
    public record PaidPeriod(UUID subscriptionId, UUID subscriberId, String subscriberEmail, String planCode,
                             String stripeInvoiceId, Money amount, Instant start, Instant end) {
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
    public UUID issueForSubscription(PaidPeriod period, Instant at) {
        return invoices.findByStripeInvoice(period.stripeInvoiceId()).map(InvoiceRepository.InvoiceRow::id)
                .orElseGet(() -> {
                    int year = at.atZone(ZoneOffset.UTC).getYear();
                    InvoiceNumber number = new InvoiceNumber(properties.prefix(), year, invoices.nextSequence(year));
                    UUID id = UUID.randomUUID();
                    invoices.insert(new InvoiceRepository.InvoiceRow(id, null, number.toString(), at,
                            period.subscriptionId(), period.stripeInvoiceId(), period.amount().amount(),
                            period.amount().currency(), period.start(), period.end(), period.subscriberId(),
                            period.subscriberEmail(), period.planCode()));
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

    /**
     * Subscription revenue of the periods that start within {@code [from, to)}, per currency: what their invoices
     * billed (the subscription revenue share's monthly pool).
     */
    @Transactional(readOnly = true)
    public Map<String, Long> subscriptionRevenue(Instant from, Instant to) {
        return invoices.subscriptionRevenue(from, to);
    }

    /** The invoice of each of these orders that has one (a paid order has one, an unpaid one none). */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> idsOfOrders(Collection<UUID> orderIds) {
        return invoices.idsByOrder(orderIds);
    }

    public record SubscriptionInvoice(UUID invoiceId, String number, UUID subscriptionId, Money amount,
                                      Instant periodStart, Instant periodEnd, Instant issuedAt) {
    }

    /** The invoice for its buyer or an admin; anyone else gets 403 (the id alone grants nothing). */
    @Transactional(readOnly = true)
    public InvoiceView view(UUID invoiceId, CurrentUser caller) {
        InvoiceRepository.InvoiceRow row = invoices.find(invoiceId).orElseThrow(() -> ApiException.notFound("invoice"));
        if (row.subscriptionId() != null) {
            Ownership.requireOwnerOrAdmin(caller, row.subscriberId());
            return subscriptionView(row);
        }
        Order order = orders.find(row.orderId()).orElseThrow(() -> ApiException.notFound("invoice"));
        Ownership.requireOwnerOrAdmin(caller, order.buyerId());
        return view(row, order);
    }

    public byte[] pdf(InvoiceView view) {
        return InvoicePdf.render(view);
    }

    private InvoiceView subscriptionView(InvoiceRepository.InvoiceRow row) {
        Money amount = Money.of(row.amount(), row.currency());
        Money zero = Money.zero(row.currency());
        String period = row.periodStart() == null ? "" : " " + row.periodStart().atZone(ZoneOffset.UTC).toLocalDate()
                + " to " + row.periodEnd().atZone(ZoneOffset.UTC).toLocalDate();
        InvoiceView.Line line = new InvoiceView.Line(null, "SkillWise " + row.planCode() + period, 1,
                amount, zero, amount);
        return new InvoiceView(row.id(), row.number(), row.issuedAt(), null, null, seller(),
                new InvoiceView.Party(row.subscriberId(), null, null, row.subscriberEmail(), null),
                List.of(line), amount, zero, zero,
                "Prices include any applicable tax; no tax is charged separately.", amount, zero,
                row.subscriptionId());
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
                seller(),
                new InvoiceView.Party(order.buyerId(), null, null, order.buyerEmail(), null),
                lines, order.price(), order.discount(), zero,
                "Prices include any applicable tax; no tax is charged separately.", order.paid(), order.refunded(),
                null);
    }
}
