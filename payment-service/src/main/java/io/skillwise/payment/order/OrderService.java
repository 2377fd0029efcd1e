package io.skillwise.payment.order;

import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.payment.invoice.InvoiceService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders: the buyer's history and the admin's overview. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final InvoiceService invoices;

    public OrderService(OrderRepository orders, InvoiceService invoices) {
        this.orders = orders;
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public Optional<Order> find(UUID orderId) {
        return orders.find(orderId);
    }

    @Transactional(readOnly = true)
    public OrderViews.History history(UUID buyerId, int page, int size) {
        PageView.check(page, size);
        OrderViews.Page<OrderViews.OrderView> found = page(orders.byBuyer(buyerId, page, size), page, size,
                orders.countByBuyer(buyerId));
        return new OrderViews.History(found.items(), found.page(), found.size(), found.totalItems(),
                found.totalPages(), invoices.subscriptionInvoices(buyerId));
    }

    @Transactional(readOnly = true)
    public OrderViews.Page<OrderViews.OrderView> all(String status, int page, int size) {
        PageView.check(page, size);
        OrderStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = OrderStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("status must be one of " + List.of(OrderStatus.values()));
            }
        }
        return page(orders.byStatus(filter, page, size), page, size, orders.countByStatus(filter));
    }

    private OrderViews.Page<OrderViews.OrderView> page(List<Order> found, int page, int size, long total) {
        Map<UUID, UUID> invoices = orders.invoiceIds(found.stream().map(Order::id).toList());
        return OrderViews.Page.of(found.stream().map(o -> OrderViews.OrderView.of(o, invoices.get(o.id()))).toList(),
                page, size, total);
    }
}
