package io.skillwise.payment.order;

import io.skillwise.kit.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    /** The caller's own orders only: the buyer is the token's subject, never a parameter. */
    @GetMapping("/api/v1/payments/history")
    OrderViews.History history(@RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size) {
        return orders.history(CurrentUser.require().id(), page, size);
    }

    @GetMapping("/api/v1/admin/payments")
    OrderViews.Page<OrderViews.OrderView> all(@RequestParam(required = false) String status,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size) {
        if (!CurrentUser.require().isAdmin()) {
            throw new AccessDeniedException("admins only");
        }
        return orders.all(status, page, size);
    }
}
