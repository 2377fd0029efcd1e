package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.ReversedLine;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.buyer.BuyerService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.provider.PaymentProvider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
@EnableConfigurationProperties(InvoiceProperties.class)
public class InvoiceService {

    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private static final String TAX_NOTE = "Prices include any applicable tax; no tax is charged separately.";

    private final InvoiceRepository invoices;
    private final CreditNoteRepository creditNotes;
    private final NumberSeriesRepository series;
    private final OrderService orders;
    private final BuyerService buyers;
    private final PaymentProvider provider;
    private final InvoiceProperties properties;
    /** A transaction of its own, for what is written after the caller's has committed. */
    private final TransactionTemplate separately;

    InvoiceService(InvoiceRepository invoices, CreditNoteRepository creditNotes, NumberSeriesRepository series,
                   OrderService orders, BuyerService buyers, PaymentProvider provider, InvoiceProperties properties,
                   PlatformTransactionManager transactionManager) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.series = series;
        this.orders = orders;
        this.buyers = buyers;
        this.provider = provider;
        this.properties = properties;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A confirmed refund of an order, to be credited.
     *
     * @param lines what the refund took back from each course line, as the earnings ledger spread it
     */
    public record Refunded(Order order, UUID refundId, Money amount, List<ReversedLine> lines, String reason) {
    }

    /**
     * One paid period of a subscription, with whom it bills and for which plan (kept on the invoice as issued).
     *
     * @param stripeInvoiceId the provider's invoice for the period: one invoice of ours per provider invoice
     */
    public record PaidPeriod(UUID subscriptionId, UUID subscriberId, String subscriberEmail, String planCode,
                             String stripeInvoiceId, Money amount, Instant start, Instant end) {
    }

    /**
     * Issues the invoice of a paid order, in the transaction that marks it paid; once per order. It keeps the buyer's
     * name and billing address as identity last published them. How the provider says the order was paid is asked
     * once that transaction has committed (no network call inside it, no order lock held over one) and added then;
     * if the provider cannot say, the invoice stays without it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID issue(Order order, Instant at) {
        return invoices.findByOrder(order.id()).map(InvoiceRepository.InvoiceRow::id).orElseGet(() -> {
            Optional<BuyerService.BilledBuyer> buyer = buyers.find(order.buyerId());
            UUID id = UUID.randomUUID();
            invoices.insert(InvoiceRepository.InvoiceRow.ofOrder(id, order.id(), nextNumber(at), at,
                    buyer.map(BuyerService.BilledBuyer::name).orElse(null),
                    buyer.map(BuyerService.BilledBuyer::addressText).orElse(null), null));
            String intentId = order.paymentIntentId();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        provider.paymentMethodSummary(intentId).ifPresent(method ->
                                separately.executeWithoutResult(status -> invoices.setPaymentMethod(id, method)));
                    } catch (RuntimeException e) {
                        // the invoice is issued and stays valid without it; the webhook must not fail over it
                        log.warn("invoice {}: the payment method could not be recorded", id, e);
                    }
                }
            });
            return id;
        });
    }

    private String nextNumber(Instant at) {
        return nextNumber(NumberSeriesRepository.Series.INVOICE, properties.prefix(), at);
    }

    private String nextNumber(NumberSeriesRepository.Series numbers, String prefix, Instant at) {
        int year = at.atZone(ZoneOffset.UTC).getYear();
        return new InvoiceNumber(prefix, year, series.next(numbers, year)).toString();
    }

    /**
     * Issues the credit note of a confirmed refund, in the webhook's transaction that applies it; once per refund.
     * An order without an invoice (a duplicate payment, never sold) gets none: there is nothing to correct.
     *
     * @return the credit note's id, empty when the order has no invoice
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> issueCreditNote(Refunded refund, Instant at) {
        Optional<CreditNoteRepository.CreditNoteRow> existing = creditNotes.findByRefund(refund.refundId());
        if (existing.isPresent()) {
            return existing.map(CreditNoteRepository.CreditNoteRow::id);
        }
        return invoices.findByOrder(refund.order().id()).map(invoice -> {
            String number = nextNumber(NumberSeriesRepository.Series.CREDIT_NOTE, properties.creditNotePrefix(), at);
            UUID id = UUID.randomUUID();
            creditNotes.insert(new CreditNoteRepository.CreditNoteRow(id, number, invoice.id(), refund.refundId(),
                    refund.amount().amount(), refund.amount().currency(), creditedLines(refund), refund.reason(),
                    at));
            return id;
        });
    }

    /** The refund per course line; a refund the ledger did not spread over lines is one line of its own. */
    private static List<CreditNoteRepository.CreditedLine> creditedLines(Refunded refund) {
        Map<UUID, String> titles = refund.order().lines().stream()
                .collect(Collectors.toMap(Order.Line::courseId, Order.Line::courseTitle, (a, b) -> a));
        List<CreditNoteRepository.CreditedLine> lines = refund.lines().stream()
                .filter(line -> line.amount().amount() > 0)
                .map(line -> new CreditNoteRepository.CreditedLine(line.courseId(),
                        titles.getOrDefault(line.courseId(), "Course " + line.courseId()), line.amount().amount()))
                .toList();
        return !lines.isEmpty() ? lines : List.of(new CreditNoteRepository.CreditedLine(null,
                "Refund of order " + refund.order().id(), refund.amount().amount()));
    }

    /**
     * Issues the invoice of a paid subscription period ({@code invoice.paid}), numbered like order invoices, in the
     * webhook's transaction; once per Stripe invoice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID issueForSubscription(PaidPeriod period, Instant at) {
        return invoices.findByStripeInvoice(period.stripeInvoiceId()).map(InvoiceRepository.InvoiceRow::id)
                .orElseGet(() -> {
                    Optional<BuyerService.BilledBuyer> buyer = buyers.find(period.subscriberId());
                    UUID id = UUID.randomUUID();
                    invoices.insert(new InvoiceRepository.InvoiceRow(id, null, nextNumber(at), at,
                            period.subscriptionId(), period.stripeInvoiceId(), period.amount().amount(),
                            period.amount().currency(), period.start(), period.end(), period.subscriberId(),
                            period.subscriberEmail(), period.planCode(),
                            buyer.map(BuyerService.BilledBuyer::name).orElse(null),
                            buyer.map(BuyerService.BilledBuyer::addressText).orElse(null), null));
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

    /** The credit notes of each of these orders that has any (one per confirmed refund), oldest first. */
    @Transactional(readOnly = true)
    public Map<UUID, List<CreditNoteView.Reference>> creditNotesOfOrders(Collection<UUID> orderIds) {
        Map<UUID, UUID> invoiceIds = invoices.idsByOrder(orderIds);
        Map<UUID, List<CreditNoteRepository.CreditNoteRow>> notes = creditNotes.byInvoices(invoiceIds.values());
        Map<UUID, List<CreditNoteView.Reference>> byOrder = new java.util.HashMap<>();
        invoiceIds.forEach((orderId, invoiceId) -> {
            if (notes.containsKey(invoiceId)) {
                byOrder.put(orderId, notes.get(invoiceId).stream().map(InvoiceService::reference).toList());
            }
        });
        return byOrder;
    }

    /** The credit note for the buyer of its order or an admin; anyone else gets 403 (the id alone grants nothing). */
    @Transactional(readOnly = true)
    public CreditNoteView creditNote(UUID creditNoteId, CurrentUser caller) {
        CreditNoteRepository.CreditNoteRow note = creditNotes.find(creditNoteId)
                .orElseThrow(() -> ApiException.notFound("credit note"));
        InvoiceRepository.InvoiceRow invoice = invoices.find(note.invoiceId())
                .orElseThrow(() -> ApiException.notFound("credit note"));
        Order order = orders.find(invoice.orderId()).orElseThrow(() -> ApiException.notFound("credit note"));
        Ownership.requireOwnerOrAdmin(caller, order.buyerId());
        List<CreditNoteView.Line> lines = note.lines().stream().map(line -> new CreditNoteView.Line(line.courseId(),
                line.description(), SignedMoney.credit(line.amount(), note.currency()))).toList();
        return new CreditNoteView(note.id(), note.number(), note.issuedAt(), invoice.id(), invoice.number(),
                order.id(), note.refundId(), seller(), buyer(invoice, order.buyerId(), order.buyerEmail()), lines,
                SignedMoney.credit(note.amount(), note.currency()), note.reason(), TAX_NOTE);
    }

    public byte[] pdf(CreditNoteView view) {
        return CreditNotePdf.render(view);
    }

    private static CreditNoteView.Reference reference(CreditNoteRepository.CreditNoteRow note) {
        return new CreditNoteView.Reference(note.id(), note.number(), SignedMoney.credit(note.amount(),
                note.currency()), note.issuedAt());
    }

    private List<CreditNoteView.Reference> creditNotesOf(UUID invoiceId) {
        return creditNotes.byInvoice(invoiceId).stream().map(InvoiceService::reference).toList();
    }

    /** The buyer as the invoice keeps them; invoices issued before names were kept show the e-mail only. */
    private static InvoiceView.Party buyer(InvoiceRepository.InvoiceRow invoice, UUID buyerId, String email) {
        return new InvoiceView.Party(buyerId, invoice.buyerName(), invoice.buyerAddress(), email, null);
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
                buyer(row, row.subscriberId(), row.subscriberEmail()), List.of(line), amount, zero, zero, TAX_NOTE,
                amount, zero, row.subscriptionId(), row.paymentMethod(), List.of());
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
                seller(), buyer(row, order.buyerId(), order.buyerEmail()), lines, order.price(), order.discount(),
                zero, TAX_NOTE, order.paid(), order.refunded(), null, row.paymentMethod(), creditNotesOf(row.id()));
    }
}
