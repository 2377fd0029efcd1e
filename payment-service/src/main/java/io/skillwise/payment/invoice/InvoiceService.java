package io.skillwise.payment.invoice;

import io.skillwise.events.common.Money;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderRepository;
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

    public InvoiceService(InvoiceRepository invoices, OrderRepository orders, InvoiceProperties properties) {
        this.invoices = invoices;
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
            invoices.insert(new InvoiceRepository.InvoiceRow(id, order.id(), number.toString(), at));
            return id;
        });
    }

    /** The invoice for its buyer or an admin; anyone else gets 403 (the id alone grants nothing). */
    @Transactional(readOnly = true)
    public InvoiceView view(UUID invoiceId, CurrentUser caller) {
        InvoiceRepository.InvoiceRow row = invoices.find(invoiceId).orElseThrow(() -> ApiException.notFound("invoice"));
        Order order = orders.find(row.orderId()).orElseThrow(() -> ApiException.notFound("invoice"));
        Ownership.requireOwnerOrAdmin(caller, order.buyerId());
        return view(row, order);
    }

    public byte[] pdf(InvoiceView view) {
        return InvoicePdf.render(view);
    }

    private InvoiceView view(InvoiceRepository.InvoiceRow row, Order order) {
        Money zero = Money.zero(order.currency());
        InvoiceView.Line line = new InvoiceView.Line(order.courseId(), order.courseTitle(), 1, order.price(),
                order.discount(), order.paid());
        return new InvoiceView(row.id(), row.number(), row.issuedAt(), order.id(), order.status().name(),
                new InvoiceView.Party(null, properties.sellerName(), properties.sellerAddress(), null,
                        properties.sellerTaxId()),
                new InvoiceView.Party(order.buyerId(), null, null, order.buyerEmail(), null),
                List.of(line), order.price(), order.discount(), zero,
                "Prices include any applicable tax; no tax is charged separately.", order.paid(), order.refunded());
    }
}
