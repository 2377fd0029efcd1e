package io.skillwise.promotion.sale;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.sale.SaleRequests.CreateSaleRequest;
import io.skillwise.promotion.sale.SaleRequests.UpdateSaleRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Sales", description = "A course's reduced price for a period, without a code")
@RestController
@RequestMapping("/api/v1/promotions/sales")
@PreAuthorize("hasAnyRole('instructor', 'admin')")
class SaleController {

    private final SaleService sales;

    SaleController(SaleService sales) {
        this.sales = sales;
    }

    @Operation(summary = "Schedule a sale",
            description = "The course's instructor or an admin sets a lower price for a period; publishes "
                    + "CourseSaleScheduled, which catalog shows and payment charges.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: an unknown or free course, another currency, a price not "
                    + "below the list price, endsAt not after startsAt")
    @ApiResponse(responseCode = "403", description = "`forbidden`: a course of another instructor")
    @PostMapping
    ResponseEntity<SaleView> create(@Valid @RequestBody CreateSaleRequest request) {
        SaleView created = sales.create(request, CurrentUser.require());
        return ResponseEntity.created(URI.create("/api/v1/promotions/sales/" + created.id())).body(created);
    }

    @Operation(summary = "List sales",
            description = "The caller's sales (all for an admin), optionally of one course. Changes nothing.")
    @ApiResponse(responseCode = "400", description = "`validation`: page below 0 or size outside 1 to 100")
    @GetMapping
    PageView<SaleView> list(@RequestParam(required = false) UUID courseId,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return sales.list(CurrentUser.require(), courseId, page, size);
    }

    @Operation(summary = "Read a sale",
            description = "For the course's instructor or an admin. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such sale, or not one the caller may see")
    @OwnedObject("the sale's instructor, or an admin")
    @GetMapping("/{id}")
    SaleView get(@PathVariable UUID id) {
        return sales.get(id, CurrentUser.require());
    }

    @Operation(summary = "Change a sale",
            description = "Changes the price or period of a sale and publishes CourseSaleScheduled again. For its "
                    + "owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such sale, or not one the caller may see")
    @ApiResponse(responseCode = "400", description = "`validation` or `bad-request`: as when scheduling it")
    @ApiResponse(responseCode = "409", description = "`conflict`: the sale was cancelled, or its course is gone")
    @OwnedObject("the sale's instructor, or an admin")
    @PatchMapping("/{id}")
    SaleView update(@PathVariable UUID id, @Valid @RequestBody UpdateSaleRequest request) {
        return sales.update(id, request, CurrentUser.require());
    }

    @Operation(summary = "Cancel a sale",
            description = "Ends the sale now and publishes CourseSaleCancelled. For its owner or an admin.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such sale, or not one the caller may see")
    @OwnedObject("the sale's instructor, or an admin")
    @PostMapping("/{id}/cancel")
    SaleView cancel(@PathVariable UUID id) {
        return sales.cancel(id, CurrentUser.require());
    }
}
