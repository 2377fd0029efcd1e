package io.skillwise.promotion.bundle;

import io.skillwise.events.common.Money;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.bundle.Bundle.BundleStatus;
import io.skillwise.promotion.bundle.BundleRequests.CreateBundleRequest;
import io.skillwise.promotion.bundle.BundleRequests.UpdateBundleRequest;
import io.skillwise.promotion.bundle.BundleView.BundleCourseView;
import io.skillwise.promotion.replica.Course;
import io.skillwise.promotion.replica.CourseReplica;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Bundles. An instructor bundles only their own courses; an admin may bundle courses of several instructors (each
 * instructor still earns on their own line, at the bundle discount spread over the lines).
 */
@Service
public class BundleService {

    private final BundleRepository bundles;
    private final CourseReplica courses;
    private final Clock clock;

    BundleService(BundleRepository bundles, CourseReplica courses, Clock clock) {
        this.bundles = bundles;
        this.courses = courses;
        this.clock = clock;
    }

    @Transactional
    public BundleView create(CreateBundleRequest request, CurrentUser caller) {
        Instant now = clock.instant();
        Bundle bundle = new Bundle(UUID.randomUUID(), caller.id(), request.title(), request.description(),
                request.price().toMoney(), request.courseIds(), BundleStatus.ACTIVE, now, now);
        check(bundle, caller);
        bundles.save(bundle);
        return view(bundle);
    }

    @Transactional
    public BundleView update(UUID id, UpdateBundleRequest request, CurrentUser caller) {
        Bundle bundle = owned(id, caller);
        Bundle changed = new Bundle(bundle.id(), bundle.ownerId(),
                request.title() != null ? request.title() : bundle.title(),
                request.description() != null ? request.description() : bundle.description(),
                request.price() != null ? request.price().toMoney() : bundle.price(),
                request.courseIds() != null ? request.courseIds() : bundle.courseIds(), bundle.status(),
                bundle.createdAt(), clock.instant());
        check(changed, caller);
        bundles.save(changed);
        return view(changed);
    }

    @Transactional
    public BundleView setStatus(UUID id, BundleStatus status, CurrentUser caller) {
        Bundle bundle = owned(id, caller);
        Bundle changed = new Bundle(bundle.id(), bundle.ownerId(), bundle.title(), bundle.description(),
                bundle.price(), bundle.courseIds(), status, bundle.createdAt(), clock.instant());
        bundles.save(changed);
        return view(changed);
    }

    /** Active bundles to anyone; inactive ones only to their owner and admins, as not found to others. */
    @Transactional(readOnly = true)
    public BundleView get(UUID id, Optional<CurrentUser> caller) {
        Bundle bundle = bundles.find(id).orElseThrow(() -> ApiException.notFound("bundle " + id));
        if (bundle.status() != BundleStatus.ACTIVE
                && caller.map(user -> !Ownership.isOwnerOrAdmin(user, bundle.ownerId())).orElse(true)) {
            throw ApiException.notFound("bundle " + id);
        }
        return view(bundle);
    }

    /** Active bundles for everyone; {@code mine} lists all of the caller's own bundles instead. */
    @Transactional(readOnly = true)
    public PageView<BundleView> list(Optional<CurrentUser> mine, int page, int size) {
        PageView.check(page, size);
        UUID owner = mine.map(CurrentUser::id).orElse(null);
        return PageView.of(bundles.page(owner, page, size).stream().map(this::view).toList(), page, size,
                bundles.count(owner));
    }

    /** The bundle, if it is on sale now. */
    @Transactional(readOnly = true)
    public Optional<Bundle> findActive(UUID id) {
        return bundles.find(id).filter(bundle -> bundle.status() == BundleStatus.ACTIVE);
    }

    private Bundle owned(UUID id, CurrentUser caller) {
        Bundle bundle = bundles.find(id).orElseThrow(() -> ApiException.notFound("bundle " + id));
        if (!Ownership.isOwnerOrAdmin(caller, bundle.ownerId())) {
            throw ApiException.notFound("bundle " + id);
        }
        return bundle;
    }

    private void check(Bundle bundle, CurrentUser caller) {
        if (new HashSet<>(bundle.courseIds()).size() != bundle.courseIds().size()) {
            throw ApiException.badRequest("a course appears twice in the bundle");
        }
        Map<UUID, Course> found = courses.findAll(bundle.courseIds());
        long listTotal = 0;
        for (UUID courseId : bundle.courseIds()) {
            Course course = found.get(courseId);
            if (course == null || !course.sellable()) {
                throw ApiException.badRequest("course " + courseId + " is not a published paid course");
            }
            if (!caller.isAdmin() && !course.instructorId().equals(caller.id())) {
                throw ApiException.forbidden("course " + courseId + " belongs to another instructor");
            }
            if (!course.price().currency().equals(bundle.price().currency())) {
                throw ApiException.badRequest("every course of the bundle must be priced in "
                        + bundle.price().currency());
            }
            listTotal += course.price().amount();
        }
        if (bundle.price().amount() >= listTotal) {
            throw ApiException.badRequest("the bundle price must be below its courses' total of " + listTotal);
        }
    }

    private BundleView view(Bundle bundle) {
        Map<UUID, Course> found = courses.findAll(bundle.courseIds());
        long listTotal = 0;
        List<BundleCourseView> lines = new java.util.ArrayList<>();
        for (UUID courseId : bundle.courseIds()) {
            Course course = found.get(courseId);
            if (course == null) {
                lines.add(new BundleCourseView(courseId, null, null, null));
                continue;
            }
            lines.add(new BundleCourseView(courseId, course.title(), course.instructorId(), course.price()));
            listTotal += course.price() == null ? 0 : course.price().amount();
        }
        return new BundleView(bundle.id(), bundle.ownerId(), bundle.title(), bundle.description(), bundle.price(),
                Money.of(listTotal, bundle.price().currency()), lines, bundle.status(), bundle.createdAt(),
                bundle.updatedAt());
    }
}
