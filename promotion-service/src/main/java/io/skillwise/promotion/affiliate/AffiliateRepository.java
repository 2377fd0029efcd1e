package io.skillwise.promotion.affiliate;

import io.skillwise.promotion.affiliate.AffiliateProgram.ProgramStatus;
import io.skillwise.promotion.affiliate.Commission.CommissionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Programs, memberships, clicks, first touches, commissions and early reversals. */
@Repository
class AffiliateRepository {

    private final JdbcClient jdbc;

    AffiliateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- programs

    void insertProgram(AffiliateProgram program) {
        jdbc.sql("""
                        insert into affiliate_program (id, instructor_id, course_id, rate_bp, window_days, status,
                                                       created_at)
                        values (:id, :instructor, :course, :rate, :window, :status, :at)""")
                .param("id", program.id()).param("instructor", program.instructorId())
                .param("course", program.courseId()).param("rate", program.rateBasisPoints())
                .param("window", program.attributionDays()).param("status", program.status().name())
                .param("at", Timestamp.from(program.createdAt()))
                .update();
    }

    void setProgramStatus(UUID id, ProgramStatus status) {
        jdbc.sql("update affiliate_program set status = :status where id = :id")
                .param("id", id).param("status", status.name()).update();
    }

    Optional<AffiliateProgram> findProgram(UUID id) {
        return jdbc.sql("select * from affiliate_program where id = :id").param("id", id)
                .query(AffiliateRepository::program).optional();
    }

    boolean openProgramExists(UUID instructorId, UUID courseId) {
        return jdbc.sql("""
                        select exists (select 1 from affiliate_program where instructor_id = :instructor
                            and status = 'OPEN' and course_id is not distinct from :course)""")
                .param("instructor", instructorId).param("course", courseId).query(Boolean.class).single();
    }

    List<AffiliateProgram> programs(UUID instructorId, int page, int size) {
        return jdbc.sql("select * from affiliate_program where "
                        + (instructorId == null ? "status = 'OPEN'" : "instructor_id = :instructor")
                        + " order by created_at desc, id limit :limit offset :offset")
                .params(instructorId == null ? java.util.Map.of() : java.util.Map.of("instructor", instructorId))
                .param("limit", size).param("offset", (long) page * size)
                .query(AffiliateRepository::program).list();
    }

    long countPrograms(UUID instructorId) {
        return jdbc.sql("select count(*) from affiliate_program where "
                        + (instructorId == null ? "status = 'OPEN'" : "instructor_id = :instructor"))
                .params(instructorId == null ? java.util.Map.of() : java.util.Map.of("instructor", instructorId))
                .query(Long.class).single();
    }

    // --- memberships

    boolean insertMembership(Membership membership) {
        return jdbc.sql("""
                        insert into affiliate_membership (id, program_id, user_id, code, joined_at)
                        values (:id, :program, :user, :code, :at) on conflict do nothing""")
                .param("id", membership.id()).param("program", membership.programId())
                .param("user", membership.userId()).param("code", membership.code())
                .param("at", Timestamp.from(membership.joinedAt()))
                .update() == 1;
    }

    Optional<Membership> findMembership(UUID programId, UUID userId) {
        return jdbc.sql("select * from affiliate_membership where program_id = :program and user_id = :user")
                .param("program", programId).param("user", userId).query(AffiliateRepository::membership).optional();
    }

    Optional<Membership> membershipByCode(String code) {
        return jdbc.sql("select * from affiliate_membership where code = :code")
                .param("code", code).query(AffiliateRepository::membership).optional();
    }

    List<Membership> membershipsOf(UUID userId) {
        return jdbc.sql("select * from affiliate_membership where user_id = :user order by joined_at")
                .param("user", userId).query(AffiliateRepository::membership).list();
    }

    // --- clicks and first touches

    void click(String code, UUID userId, Instant at) {
        jdbc.sql("insert into affiliate_click (id, code, user_id, clicked_at) values (:id, :code, :user, :at)")
                .param("id", UUID.randomUUID()).param("code", code).param("user", userId)
                .param("at", Timestamp.from(at)).update();
    }

    /** Keeps the first contact only: a later click or quote does not move the start of the window. */
    void touch(String code, UUID buyerId, Instant at) {
        jdbc.sql("""
                        insert into referral_touch (code, buyer_id, touched_at) values (:code, :buyer, :at)
                        on conflict (code, buyer_id) do nothing""")
                .param("code", code).param("buyer", buyerId).param("at", Timestamp.from(at)).update();
    }

    Optional<Instant> firstTouch(String code, UUID buyerId) {
        return jdbc.sql("select touched_at from referral_touch where code = :code and buyer_id = :buyer")
                .param("code", code).param("buyer", buyerId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    // --- commissions

    boolean insertCommission(Commission c) {
        return jdbc.sql("""
                        insert into commission (id, program_id, membership_id, affiliate_id, instructor_id, order_id,
                                                course_id, code, sale_amount, currency, rate_bp, amount, status,
                                                earned_at)
                        values (:id, :program, :membership, :affiliate, :instructor, :order, :course, :code, :sale,
                                :currency, :rate, :amount, 'EARNED', :at)
                        on conflict (order_id, course_id) do nothing""")
                .param("id", c.id()).param("program", c.programId()).param("membership", c.membershipId())
                .param("affiliate", c.affiliateId()).param("instructor", c.instructorId())
                .param("order", c.orderId()).param("course", c.courseId()).param("code", c.code())
                .param("sale", c.saleAmount()).param("currency", c.currency()).param("rate", c.rateBasisPoints())
                .param("amount", c.amount()).param("at", Timestamp.from(c.earnedAt()))
                .update() == 1;
    }

    /** Locks the earned commission of an order line, so a refund and a dispute cannot both reverse it. */
    Optional<Commission> lockEarned(UUID orderId, UUID courseId) {
        return jdbc.sql("""
                        select * from commission where order_id = :order and course_id = :course
                            and status = 'EARNED' for update""")
                .param("order", orderId).param("course", courseId).query(AffiliateRepository::commission)
                .optional();
    }

    boolean commissionExists(UUID orderId, UUID courseId) {
        return jdbc.sql("select exists (select 1 from commission where order_id = :order and course_id = :course)")
                .param("order", orderId).param("course", courseId).query(Boolean.class).single();
    }

    void reverse(UUID commissionId, String reason, Instant at) {
        jdbc.sql("update commission set status = 'REVERSED', reversal = :reason, reversed_at = :at where id = :id")
                .param("id", commissionId).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    void pendingReversal(UUID orderId, UUID courseId, String reason, Instant at) {
        jdbc.sql("""
                        insert into pending_reversal (order_id, course_id, reason, noted_at)
                        values (:order, :course, :reason, :at) on conflict do nothing""")
                .param("order", orderId).param("course", courseId).param("reason", reason)
                .param("at", Timestamp.from(at)).update();
    }

    Optional<String> takePendingReversal(UUID orderId, UUID courseId) {
        return jdbc.sql("delete from pending_reversal where order_id = :order and course_id = :course "
                        + "returning reason")
                .param("order", orderId).param("course", courseId).query(String.class).optional();
    }

    /** Clicks, conversions and commissions of a set of memberships, per membership. */
    record Figures(UUID membershipId, long clicks, long conversions, long earned, long reversed, String currency) {
    }

    List<Figures> figures(List<UUID> membershipIds) {
        if (membershipIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select m.id,
                               (select count(*) from affiliate_click k where k.code = m.code) as clicks,
                               (select count(distinct order_id) from commission c where c.membership_id = m.id
                                   and c.status = 'EARNED') as conversions,
                               (select coalesce(sum(amount), 0) from commission c where c.membership_id = m.id
                                   and c.status = 'EARNED') as earned,
                               (select coalesce(sum(amount), 0) from commission c where c.membership_id = m.id
                                   and c.status = 'REVERSED') as reversed,
                               (select min(currency) from commission c where c.membership_id = m.id) as currency
                        from affiliate_membership m where m.id in (:ids)""")
                .param("ids", membershipIds)
                .query((rs, row) -> new Figures(rs.getObject("id", UUID.class), rs.getLong("clicks"),
                        rs.getLong("conversions"), rs.getLong("earned"), rs.getLong("reversed"),
                        rs.getString("currency")))
                .list();
    }

    List<Membership> membersOf(UUID programId) {
        return jdbc.sql("select * from affiliate_membership where program_id = :program order by joined_at")
                .param("program", programId).query(AffiliateRepository::membership).list();
    }

    private static AffiliateProgram program(ResultSet rs, int row) throws SQLException {
        return new AffiliateProgram(rs.getObject("id", UUID.class), rs.getObject("instructor_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getInt("rate_bp"), rs.getInt("window_days"),
                ProgramStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }

    private static Membership membership(ResultSet rs, int row) throws SQLException {
        return new Membership(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("code"), rs.getTimestamp("joined_at").toInstant());
    }

    private static Commission commission(ResultSet rs, int row) throws SQLException {
        Timestamp reversedAt = rs.getTimestamp("reversed_at");
        return new Commission(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
                rs.getObject("membership_id", UUID.class), rs.getObject("affiliate_id", UUID.class),
                rs.getObject("instructor_id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getString("code"), rs.getLong("sale_amount"),
                rs.getString("currency"), rs.getInt("rate_bp"), rs.getLong("amount"),
                CommissionStatus.valueOf(rs.getString("status")), rs.getTimestamp("earned_at").toInstant(),
                reversedAt == null ? null : reversedAt.toInstant(), rs.getString("reversal"));
    }
}
