package io.skillwise.promotion.affiliate;

import io.skillwise.events.common.Money;
import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CommissionReversalReason;
import io.skillwise.kit.messaging.EventPublisher;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.Ownership;
import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.promotion.affiliate.AffiliateProgram.ProgramStatus;
import io.skillwise.promotion.affiliate.AffiliateViews.Figures;
import io.skillwise.promotion.affiliate.AffiliateViews.LinkView;
import io.skillwise.promotion.affiliate.AffiliateViews.MeView;
import io.skillwise.promotion.affiliate.AffiliateViews.MemberResult;
import io.skillwise.promotion.affiliate.AffiliateViews.MembershipView;
import io.skillwise.promotion.affiliate.AffiliateViews.MyProgramView;
import io.skillwise.promotion.affiliate.AffiliateViews.OpenProgramRequest;
import io.skillwise.promotion.affiliate.AffiliateViews.ProgramResults;
import io.skillwise.promotion.affiliate.AffiliateViews.ProgramView;
import io.skillwise.promotion.referral.ReferralCodes;
import io.skillwise.promotion.replica.Course;
import io.skillwise.promotion.replica.CourseReplica;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Affiliate programs: instructors open them, verified users join and share a code, purchases through the code
 * within the attribution window earn commissions, refunds and lost disputes reverse them.
 */
@Service
public class AffiliateService {

    private final AffiliateRepository affiliates;
    private final ReferralCodes codes;
    private final CourseReplica courses;
    private final EventPublisher events;
    private final AffiliateProperties properties;
    private final Clock clock;

    AffiliateService(AffiliateRepository affiliates, ReferralCodes codes, CourseReplica courses,
                     EventPublisher events, AffiliateProperties properties, Clock clock) {
        this.affiliates = affiliates;
        this.codes = codes;
        this.courses = courses;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** A program a code belongs to, for pricing. */
    public record CodeProgram(AffiliateProgram program, Membership membership) {
    }

    // --- programs ------------------------------------------------------------------------------------------------

    @Transactional
    public ProgramView open(OpenProgramRequest request, CurrentUser caller) {
        UUID instructorId = caller.id();
        if (request.courseId() != null) {
            Course course = courses.find(request.courseId())
                    .orElseThrow(() -> ApiException.badRequest("course " + request.courseId() + " is not known"));
            if (!course.instructorId().equals(caller.id())) {
                throw ApiException.forbidden("course " + course.id() + " belongs to another instructor");
            }
        }
        if (affiliates.openProgramExists(instructorId, request.courseId())) {
            throw ApiException.conflict("an open program already covers " + (request.courseId() == null
                    ? "all your courses" : "course " + request.courseId()));
        }
        AffiliateProgram program = new AffiliateProgram(UUID.randomUUID(), instructorId, request.courseId(),
                request.rateBasisPoints(),
                request.attributionDays() != null ? request.attributionDays() : properties.defaultAttributionDays(),
                ProgramStatus.OPEN, clock.instant());
        affiliates.insertProgram(program);
        return ProgramView.of(program);
    }

    /** Closing stops new members and new commissions; earned ones stay (and can still be reversed). */
    @Transactional
    public ProgramView close(UUID id, CurrentUser caller) {
        AffiliateProgram program = program(id);
        Ownership.requireOwnerOrAdmin(caller, program.instructorId());
        affiliates.setProgramStatus(id, ProgramStatus.CLOSED);
        return ProgramView.of(program(id));
    }

    /** Open programs for anyone signed in; {@code mine} lists the caller's own programs. */
    @Transactional(readOnly = true)
    public PageView<ProgramView> programs(CurrentUser caller, boolean mine, int page, int size) {
        PageView.check(page, size);
        UUID instructor = mine ? caller.id() : null;
        return PageView.of(affiliates.programs(instructor, page, size).stream().map(ProgramView::of).toList(),
                page, size, affiliates.countPrograms(instructor));
    }

    @Transactional(readOnly = true)
    public ProgramView get(UUID id) {
        return ProgramView.of(program(id));
    }

    /** Joining twice answers the membership already held. */
    @Transactional
    public MembershipView join(UUID programId, CurrentUser caller) {
        if (!caller.emailVerified()) {
            throw ApiException.forbidden("verify your e-mail address to join an affiliate program");
        }
        AffiliateProgram program = program(programId);
        Optional<Membership> existing = affiliates.findMembership(programId, caller.id());
        if (existing.isPresent()) {
            return membershipView(existing.get());
        }
        if (program.status() != ProgramStatus.OPEN) {
            throw ApiException.conflict("the program is closed");
        }
        UUID membershipId = UUID.randomUUID();
        String code = codes.issueAffiliate(caller.id(), membershipId);
        Membership membership = new Membership(membershipId, programId, caller.id(), code, clock.instant());
        affiliates.insertMembership(membership);
        return membershipView(membership);
    }

    /** A click on a link: counted, and the first touch of a signed-in visitor. */
    @Transactional
    public LinkView click(String rawCode, Optional<CurrentUser> visitor) {
        String code = ReferralCodes.normalize(rawCode);
        Membership membership = affiliates.membershipByCode(code)
                .orElseThrow(() -> ApiException.notFound("link " + rawCode));
        AffiliateProgram program = program(membership.programId());
        Instant now = clock.instant();
        affiliates.click(code, visitor.map(CurrentUser::id).orElse(null), now);
        visitor.ifPresent(user -> affiliates.touch(code, user.id(), now));
        String target = program.courseId() != null ? "/api/v1/courses/" + program.courseId() + "?ref=" + code
                : "/api/v1/courses?instructor=" + program.instructorId() + "&ref=" + code;
        return new LinkView(code, program.id(), program.courseId(), program.instructorId(), target);
    }

    @Transactional(readOnly = true)
    public MeView me(CurrentUser caller) {
        List<Membership> memberships = affiliates.membershipsOf(caller.id());
        Map<UUID, AffiliateRepository.Figures> figures = figuresOf(memberships);
        List<MyProgramView> programs = memberships.stream().map(m -> new MyProgramView(m.id(),
                ProgramView.of(program(m.programId())), m.code(), link(m.code()), figures(figures.get(m.id()))))
                .toList();
        return new MeView(programs, programs.stream().mapToLong(p -> p.figures().clicks()).sum(),
                programs.stream().mapToLong(p -> p.figures().conversions()).sum());
    }

    /** The instructor's (or an admin's) view of a program: every affiliate with clicks, sales and commissions. */
    @Transactional(readOnly = true)
    public ProgramResults results(UUID programId, CurrentUser caller) {
        AffiliateProgram program = program(programId);
        Ownership.requireOwnerOrAdmin(caller, program.instructorId());
        List<Membership> members = affiliates.membersOf(programId);
        Map<UUID, AffiliateRepository.Figures> figures = figuresOf(members);
        List<MemberResult> results = members.stream()
                .map(m -> new MemberResult(m.userId(), m.code(), figures(figures.get(m.id())))).toList();
        return new ProgramResults(ProgramView.of(program), members.size(),
                results.stream().mapToLong(r -> r.figures().clicks()).sum(),
                results.stream().mapToLong(r -> r.figures().conversions()).sum(), results);
    }

    // --- for pricing ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<CodeProgram> programOf(String code) {
        return affiliates.membershipByCode(ReferralCodes.normalize(code))
                .flatMap(m -> affiliates.findProgram(m.programId()).map(p -> new CodeProgram(p, m)));
    }

    /** A quote carrying the code is a contact with it; only the first one starts the window. */
    @Transactional
    public void touched(String code, UUID buyerId) {
        affiliates.touch(ReferralCodes.normalize(code), buyerId, clock.instant());
    }

    // --- from paid orders ----------------------------------------------------------------------------------------

    /**
     * Earns a commission per line of a course in the program, when the purchase came within the attribution
     * window of the buyer's first contact with the code. Self-referral and an instructor's own code on their own
     * course earn nothing. Runs in the inbox's transaction.
     */
    @Transactional
    public void purchased(CoursePurchased purchase) {
        if (purchase.affiliateCode() == null || purchase.affiliateCode().isBlank()) {
            return;
        }
        String code = ReferralCodes.normalize(purchase.affiliateCode());
        Optional<CodeProgram> found = programOf(code);
        if (found.isEmpty()) {
            return;
        }
        AffiliateProgram program = found.get().program();
        Membership membership = found.get().membership();
        if (program.status() != ProgramStatus.OPEN || membership.userId().equals(purchase.buyerId())) {
            return;
        }
        // no recorded contact means the purchase itself was the first one (a code typed at checkout)
        affiliates.touch(code, purchase.buyerId(), purchase.purchasedAt());
        Instant firstTouch = affiliates.firstTouch(code, purchase.buyerId()).orElse(purchase.purchasedAt());
        if (!program.withinWindow(firstTouch, purchase.purchasedAt())) {
            return;
        }
        Instant now = clock.instant();
        for (OrderLine line : purchase.lines()) {
            if (!program.covers(line.courseId(), line.instructorId())
                    || membership.userId().equals(line.instructorId())) {
                continue;
            }
            long amount = program.commissionOn(line.paid().amount());
            if (amount == 0) {
                continue;
            }
            Commission commission = new Commission(UUID.randomUUID(), program.id(), membership.id(),
                    membership.userId(), program.instructorId(), purchase.orderId(), line.courseId(), code,
                    line.paid().amount(), line.paid().currency(), program.rateBasisPoints(), amount, null, now, null,
                    null);
            if (!affiliates.insertCommission(commission)) {
                continue;
            }
            events.publish(new AffiliateCommissionEarned(commission.id(), program.id(), membership.userId(),
                    program.instructorId(), purchase.orderId(), line.courseId(), code, line.paid(),
                    program.rateBasisPoints(), Money.of(amount, line.paid().currency()), now));
            // a refund or lost dispute that overtook this purchase reverses it at once
            affiliates.takePendingReversal(purchase.orderId(), line.courseId())
                    .ifPresent(reason -> reverse(purchase.orderId(), line.courseId(),
                            CommissionReversalReason.valueOf(reason)));
        }
    }

    /** Takes back the commissions of the order's lines; remembers lines whose purchase has not arrived yet. */
    @Transactional
    public void reversed(UUID orderId, Collection<UUID> courseIds, CommissionReversalReason reason) {
        for (UUID courseId : courseIds) {
            if (!reverse(orderId, courseId, reason) && !affiliates.commissionExists(orderId, courseId)) {
                affiliates.pendingReversal(orderId, courseId, reason.name(), clock.instant());
            }
        }
    }

    private boolean reverse(UUID orderId, UUID courseId, CommissionReversalReason reason) {
        Optional<Commission> earned = affiliates.lockEarned(orderId, courseId);
        if (earned.isEmpty()) {
            return false;
        }
        Commission c = earned.get();
        Instant now = clock.instant();
        affiliates.reverse(c.id(), reason.name(), now);
        events.publish(new AffiliateCommissionReversed(c.id(), c.programId(), c.affiliateId(), c.instructorId(),
                c.orderId(), c.courseId(), Money.of(c.amount(), c.currency()), reason, now));
        return true;
    }

    private AffiliateProgram program(UUID id) {
        return affiliates.findProgram(id).orElseThrow(() -> ApiException.notFound("affiliate program " + id));
    }

    private MembershipView membershipView(Membership membership) {
        return new MembershipView(membership.id(), membership.programId(), membership.code(),
                link(membership.code()), membership.joinedAt());
    }

    private String link(String code) {
        return properties.linkBase() + "/api/v1/affiliates/links/" + code;
    }

    private Map<UUID, AffiliateRepository.Figures> figuresOf(List<Membership> memberships) {
        return affiliates.figures(memberships.stream().map(Membership::id).toList()).stream()
                .collect(Collectors.toMap(AffiliateRepository.Figures::membershipId, Function.identity()));
    }

    private static Figures figures(AffiliateRepository.Figures f) {
        if (f == null) {
            return new Figures(0, 0, null, null);
        }
        String currency = f.currency() == null ? "USD" : f.currency();
        return new Figures(f.clicks(), f.conversions(), Money.of(f.earned(), currency),
                Money.of(f.reversed(), currency));
    }
}
