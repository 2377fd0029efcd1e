package io.skillwise.payment.history;

import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.payment.invoice.CreditNoteView;
import io.skillwise.payment.invoice.InvoiceService;
import io.skillwise.payment.order.Order;
import io.skillwise.payment.order.OrderService;
import io.skillwise.payment.order.OrderStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** What was paid, and its invoices: the buyer's own history and the admins' overview of all orders. */
@Service
class PaymentHistoryService {

    private final OrderService orders;
    private final InvoiceService invoices;

    PaymentHistoryService(OrderService orders, InvoiceService invoices) {
        this.orders = orders;
        this.invoices = invoices;
    }

    HistoryViews.History history(UUID buyerId, int page, int size) {
        PageView.check(page, size);
        return new HistoryViews.History(withInvoices(orders.byBuyer(buyerId, page, size)),
                invoices.subscriptionInvoices(buyerId));
    }

    PageView<HistoryViews.OrderView> all(String status, int page, int size) {
        PageView.check(page, size);
        OrderStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be one of " + List.of(OrderStatus.values()));
            }
        }
        return withInvoices(orders.byStatus(filter, page, size));
    }

    private PageView<HistoryViews.OrderView> withInvoices(PageView<Order> found) {
        List<UUID> orderIds = found.items().stream().map(Order::id).toList();
        Map<UUID, UUID> invoiceIds = invoices.idsOfOrders(orderIds);
        Map<UUID, List<CreditNoteView.Reference>> creditNotes = invoices.creditNotesOfOrders(orderIds);
        return found.map(order -> HistoryViews.OrderView.of(order, invoiceIds.get(order.id()),
                creditNotes.getOrDefault(order.id(), List.of())));
    }
}
