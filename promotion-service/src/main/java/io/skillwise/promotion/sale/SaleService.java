package io.skillwise.promotion.sale;

import io.skillwise.events.common.Money;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.replica.Course;
import io.skillwise.promotion.replica.CourseReplica;
import io.skillwise.promotion.sale.Sale.SaleStatus;
import io.skillwise.promotion.sale.SaleRequests.CreateSaleRequest;
import io.skillwise.promotion.sale.SaleRequests.UpdateSaleRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sales travel as events (ADR 0006 point 1): every change is published through the outbox in the transaction that
 * makes it, so payment-service prices a checkout without a code by itself.
 */
@Service
public class SaleService {

    private final SaleRepository sales;
    private final CourseReplica courses;
    private final EventPublisher events;
    private final Clock clock;

    SaleService(SaleRepository sales, CourseReplica courses, EventPublisher events, Clock clock) {
        this.sales = sales;
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SaleView create(CreateSaleRequest request, CurrentUser caller) {
        Course course = courses.find(request.courseId())
                .orElseThrow(() -> ApiException.badRequest("course " + request.courseId() + " is not known"));
        if (!Ownership.isOwnerOrAdmin(caller, course.instructorId())) {
            throw ApiException.forbidden("course " + course.id() + " belongs to another instructor");
        }
        Instant now = clock.instant();
        Sale sale = new Sale(UUID.randomUUID(), course.id(), course.instructorId(), request.salePrice().toMoney(),
                request.startsAt(), request.endsAt(), null, SaleStatus.SCHEDULED, caller.id(), now, now);
        check(sale, course);
        sales.save(sale);
        events.publish(scheduled(sale));
        return SaleView.of(sale);
    }

    @Transactional
    public SaleView update(UUID id, UpdateSaleRequest request, CurrentUser caller) {
        Sale sale = visible(id, caller);
        if (sale.status() == SaleStatus.CANCELLED) {
            throw ApiException.conflict("the sale was cancelled");
        }
        Course course = courses.find(sale.courseId())
                .orElseThrow(() -> ApiException.conflict("the course of this sale is gone"));
        Sale changed = new Sale(sale.id(), sale.courseId(), sale.instructorId(),
                request.salePrice() != null ? request.salePrice().toMoney() : sale.salePrice(),
                request.startsAt() != null ? request.startsAt() : sale.startsAt(),
                request.endsAt() != null ? request.endsAt() : sale.endsAt(), sale.campaignId(), sale.status(),
                sale.createdBy(), sale.createdAt(), clock.instant());
        check(changed, course);
        sales.save(changed);
        events.publish(scheduled(changed));
        return SaleView.of(changed);
    }

    @Transactional
    public SaleView cancel(UUID id, CurrentUser caller) {
        Sale sale = visible(id, caller);
        return SaleView.of(cancel(sale, caller.id()));
    }

    @Transactional(readOnly = true)
    public SaleView get(UUID id, CurrentUser caller) {
        return SaleView.of(visible(id, caller));
    }

    @Transactional(readOnly = true)
    public PageView<SaleView> list(CurrentUser caller, UUID courseId, int page, int size) {
        PageView.check(page, size);
        UUID instructor = caller.isAdmin() ? null : caller.id();
        return PageView.of(sales.page(instructor, courseId, page, size).stream().map(SaleView::of).toList(), page,
                size, sales.count(instructor, courseId));
    }

    /** The lowest sale price of each course that is on sale at that instant. */
    @Transactional(readOnly = true)
    public Map<UUID, Sale> bestActive(Collection<UUID> courseIds, Instant at) {
        Map<UUID, Sale> best = new HashMap<>();
        for (Sale sale : sales.activeAt(courseIds, at)) {
            best.merge(sale.courseId(), sale, (a, b) -> a.salePrice().amount() <= b.salePrice().amount() ? a : b);
        }
        return best;
    }

    // --- for campaigns -----------------------------------------------------------------------------------------

    /** Puts the caller's sales into a campaign; the sale is published again, now naming its campaign. */
    @Transactional
    public List<Sale> attach(Collection<UUID> saleIds, UUID campaignId, CurrentUser caller) {
        List<Sale> attached = new ArrayList<>();
        for (UUID id : saleIds) {
            Sale sale = visible(id, caller);
            if (sale.campaignId() != null && !sale.campaignId().equals(campaignId)) {
                throw ApiException.conflict("sale " + id + " already belongs to another campaign");
            }
            Sale changed = new Sale(sale.id(), sale.courseId(), sale.instructorId(), sale.salePrice(),
                    sale.startsAt(), sale.endsAt(), campaignId, sale.status(), sale.createdBy(), sale.createdAt(),
                    clock.instant());
            sales.save(changed);
            if (changed.status() == SaleStatus.SCHEDULED) {
                events.publish(scheduled(changed));
            }
            attached.add(changed);
        }
        return attached;
    }

    @Transactional(readOnly = true)
    public List<Sale> ofCampaign(UUID campaignId) {
        return sales.ofCampaign(campaignId);
    }

    /** A campaign stopped early withdraws its sales that have not run out yet. */
    @Transactional
    public void cancelOpenOfCampaign(UUID campaignId, UUID actorId) {
        Instant now = clock.instant();
        for (Sale sale : sales.ofCampaign(campaignId)) {
            if (sale.status() == SaleStatus.SCHEDULED && sale.endsAt().isAfter(now)) {
                cancel(sale, actorId);
            }
        }
    }

    private Sale cancel(Sale sale, UUID actorId) {
        if (sale.status() == SaleStatus.CANCELLED) {
            return sale;
        }
        Instant now = clock.instant();
        Sale cancelled = new Sale(sale.id(), sale.courseId(), sale.instructorId(), sale.salePrice(), sale.startsAt(),
                sale.endsAt(), sale.campaignId(), SaleStatus.CANCELLED, sale.createdBy(), sale.createdAt(), now);
        sales.save(cancelled);
        events.publish(new CourseSaleCancelled(sale.id(), sale.courseId(), actorId, now));
        return cancelled;
    }

    private Sale visible(UUID id, CurrentUser caller) {
        Sale sale = sales.find(id).orElseThrow(() -> ApiException.notFound("sale " + id));
        if (!Ownership.isOwnerOrAdmin(caller, sale.instructorId())) {
            throw ApiException.notFound("sale " + id);
        }
        return sale;
    }

    private static void check(Sale sale, Course course) {
        if (!sale.endsAt().isAfter(sale.startsAt())) {
            throw ApiException.badRequest("endsAt must be after startsAt");
        }
        Money list = course.price();
        if (course.free() || list == null) {
            throw ApiException.badRequest("a free course cannot go on sale");
        }
        if (!list.currency().equals(sale.salePrice().currency())) {
            throw ApiException.badRequest("the sale price must be in the course's currency, " + list.currency());
        }
        if (sale.salePrice().amount() >= list.amount()) {
            throw ApiException.badRequest("the sale price must be below the list price of " + list.amount());
        }
    }

    private static CourseSaleScheduled scheduled(Sale sale) {
        return new CourseSaleScheduled(sale.id(), sale.courseId(), sale.instructorId(), sale.salePrice(),
                sale.startsAt(), sale.endsAt(), sale.campaignId(), sale.updatedAt());
    }
}
