package io.skillwise.promotion.sale;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.sale.SaleRequests.CreateSaleRequest;
import io.skillwise.promotion.sale.SaleRequests.UpdateSaleRequest;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Sales (a course's price for a period, no code): the course's owner or an admin. */
@RestController
@RequestMapping("/api/v1/promotions/sales")
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class SaleController {

    private final SaleService sales;

    SaleController(SaleService sales) {
        this.sales = sales;
    }

    @PostMapping
    ResponseEntity<SaleView> create(@Valid @RequestBody CreateSaleRequest request) {
        SaleView created = sales.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/sales/" + created.id())).body(created);
    }

    @GetMapping
    PageView<SaleView> list(@RequestParam(required = false) UUID courseId,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return sales.list(CurrentUser.require(), courseId, page, size);
    }

    @GetMapping("/{id}")
    SaleView get(@PathVariable UUID id) {
        return sales.get(id, CurrentUser.require());
    }

    @PatchMapping("/{id}")
    SaleView update(@PathVariable UUID id, @Valid @RequestBody UpdateSaleRequest request) {
        return sales.update(id, request, CurrentUser.require());
    }

    @PostMapping("/{id}/cancel")
    SaleView cancel(@PathVariable UUID id) {
        return sales.cancel(id, CurrentUser.require());
    }
}
