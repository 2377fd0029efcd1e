package io.skillwise.analytics.course;

import static io.skillwise.analytics.projection.SqlArrays.booleans;
import static io.skillwise.analytics.projection.SqlArrays.doubles;
import static io.skillwise.analytics.projection.SqlArrays.ints;
import static io.skillwise.analytics.projection.SqlArrays.longs;
import static io.skillwise.analytics.projection.SqlArrays.texts;
import static io.skillwise.analytics.projection.SqlArrays.times;
import static io.skillwise.analytics.projection.SqlArrays.uuids;

import io.skillwise.events.catalog.CourseDeleted;
import io.skillwise.events.catalog.CoursePublished;
import io.skillwise.events.catalog.CourseState;
import io.skillwise.events.catalog.CourseUnpublished;
import io.skillwise.events.review.CourseRatingChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code course} and {@code instructor_action} of the projection version in use. */
@Repository
class CourseRepository {

    record Owner(UUID courseId, UUID instructorId, String title) {
    }

    record Action(String key, UUID instructorId, String kind, Instant at) {
    }

    private static final String COURSE_COLUMNS = """
            course_id, instructor_id, title, category, status, free, price_amount, price_currency, lessons,
            first_published_at, deleted, rating_average, rating_count""";

    private final JdbcClient jdbc;

    CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A course named by any event with its instructor exists from then on; a title fills a course without one. */
    void rememberOwners(Collection<Owner> owners) {
        if (owners.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into course (course_id, instructor_id, title)
                        select * from unnest(:courses, :instructors, :titles)
                        on conflict (course_id) do update set title = excluded.title
                        where course.title is null and excluded.title is not null""")
                .param("courses", uuids(owners.stream().map(Owner::courseId).toList()))
                .param("instructors", uuids(owners.stream().map(Owner::instructorId).toList()))
                .param("titles", texts(owners.stream().map(Owner::title).toList()))
                .update();
    }

    /** Catalog snapshots, one per course; an older revision than the one held changes nothing. */
    void saveStates(Collection<CourseState> states) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into course (course_id, instructor_id, title, category, status, free, price_amount,
                                            price_currency, lessons, revision)
                        select * from unnest(:courses, :instructors, :titles, :categories, :statuses, :free, :amounts,
                                             :currencies, :lessons, :revisions)
                        on conflict (course_id) do update set instructor_id = excluded.instructor_id,
                            title = excluded.title, category = excluded.category, status = excluded.status,
                            free = excluded.free, price_amount = excluded.price_amount,
                            price_currency = excluded.price_currency, lessons = excluded.lessons,
                            revision = excluded.revision
                        where course.revision < excluded.revision""")
                .param("courses", uuids(states.stream().map(CourseState::courseId).toList()))
                .param("instructors", uuids(states.stream().map(CourseState::instructorId).toList()))
                .param("titles", texts(states.stream().map(CourseState::title).toList()))
                .param("categories", texts(states.stream().map(s -> s.category().name()).toList()))
                .param("statuses", texts(states.stream().map(s -> s.status().name()).toList()))
                .param("free", booleans(states.stream().map(CourseState::free).toList()))
                .param("amounts", longs(states.stream().map(s -> s.price() == null ? null : s.price().amount()).toList()))
                .param("currencies", texts(states.stream().map(s -> s.price() == null ? null : s.price().currency()).toList()))
                .param("lessons", ints(states.stream().map(s -> s.lessons().size()).toList()))
                .param("revisions", longs(states.stream().map(CourseState::revision).toList()))
                .update();
    }

    /** The earliest publication of each course is when it first went on sale. */
    void firstPublished(Collection<CoursePublished> published) {
        if (published.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update course set first_published_at = least(coalesce(first_published_at, v.at), v.at)
                        from unnest(:courses, cast(:times as timestamptz[])) as v(course_id, at)
                        where course.course_id = v.course_id""")
                .param("courses", uuids(published.stream().map(CoursePublished::courseId).toList()))
                .param("times", times(published.stream().map(CoursePublished::occurredAt).toList()))
                .update();
    }

    void unpublish(Collection<CourseUnpublished> unpublished) {
        if (unpublished.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into course (course_id, instructor_id, title, status, revision)
                        select v.course_id, v.instructor_id, v.title, 'UNPUBLISHED', v.revision
                        from unnest(:courses, :instructors, :titles, :revisions) as v(course_id, instructor_id, title, revision)
                        on conflict (course_id) do update set status = excluded.status, revision = excluded.revision
                        where course.revision < excluded.revision""")
                .param("courses", uuids(unpublished.stream().map(CourseUnpublished::courseId).toList()))
                .param("instructors", uuids(unpublished.stream().map(CourseUnpublished::instructorId).toList()))
                .param("titles", texts(unpublished.stream().map(CourseUnpublished::title).toList()))
                .param("revisions", longs(unpublished.stream().map(CourseUnpublished::revision).toList()))
                .update();
    }

    /** Deletion is final: no later snapshot brings a course back. */
    void delete(Collection<CourseDeleted> deleted) {
        if (deleted.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into course (course_id, instructor_id, deleted)
                        select v.course_id, v.instructor_id, true from unnest(:courses, :instructors) as v(course_id, instructor_id)
                        on conflict (course_id) do update set deleted = true""")
                .param("courses", uuids(deleted.stream().map(CourseDeleted::courseId).toList()))
                .param("instructors", uuids(deleted.stream().map(CourseDeleted::instructorId).toList()))
                .update();
    }

    /** The newest rating aggregate of each course wins. */
    void rate(Collection<CourseRatingChanged> ratings) {
        if (ratings.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update course set rating_average = v.average, rating_count = v.count, rating_at = v.at
                        from unnest(:courses, :averages, :counts, cast(:times as timestamptz[])) as v(course_id, average, count, at)
                        where course.course_id = v.course_id and (course.rating_at is null or course.rating_at < v.at)""")
                .param("courses", uuids(ratings.stream().map(CourseRatingChanged::courseId).toList()))
                .param("averages", doubles(ratings.stream().map(CourseRatingChanged::average).toList()))
                .param("counts", longs(ratings.stream().map(CourseRatingChanged::count).toList()))
                .param("times", times(ratings.stream().map(CourseRatingChanged::occurredAt).toList()))
                .update();
    }

    void recordActions(List<Action> actions) {
        if (actions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into instructor_action (action_key, instructor_id, kind, day)
                        select v.action_key, v.instructor_id, v.kind, (v.at at time zone 'UTC')::date
                        from unnest(:keys, :instructors, :kinds, cast(:times as timestamptz[])) as v(action_key, instructor_id, kind, at)
                        on conflict (action_key) do nothing""")
                .param("keys", texts(actions.stream().map(Action::key).toList()))
                .param("instructors", uuids(actions.stream().map(Action::instructorId).toList()))
                .param("kinds", texts(actions.stream().map(Action::kind).toList()))
                .param("times", times(actions.stream().map(Action::at).toList()))
                .update();
    }

    List<CourseInfo> ofInstructor(UUID instructorId) {
        return jdbc.sql("select " + COURSE_COLUMNS + " from course where instructor_id = :instructor and not deleted "
                        + "order by lower(title), course_id")
                .param("instructor", instructorId).query(CourseRepository::map).list();
    }

    Optional<CourseInfo> find(UUID courseId) {
        return jdbc.sql("select " + COURSE_COLUMNS + " from course where course_id = :course")
                .param("course", courseId).query(CourseRepository::map).optional();
    }

    List<CourseInfo> findAll(Collection<UUID> courseIds) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COURSE_COLUMNS + " from course where course_id = any(:courses)")
                .param("courses", uuids(courseIds)).query(CourseRepository::map).list();
    }

    /** Instructors ranked by what they did themselves between two days (inclusive). */
    List<InstructorActivity> mostActiveInstructors(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        select instructor_id,
                               count(*) filter (where kind = 'COURSE_CHANGE') as course_changes,
                               count(*) filter (where kind = 'REVIEW_REPLY') as review_replies
                        from instructor_action where day between :from and :to
                        group by instructor_id order by count(*) desc, instructor_id limit :limit""")
                .param("from", from).param("to", to).param("limit", limit)
                .query((rs, row) -> new InstructorActivity(rs.getObject("instructor_id", UUID.class),
                        rs.getLong("course_changes"), rs.getLong("review_replies")))
                .list();
    }

    private static CourseInfo map(ResultSet rs, int row) throws SQLException {
        long amount = rs.getLong("price_amount");
        boolean noPrice = rs.wasNull();
        Timestamp published = rs.getTimestamp("first_published_at");
        Object free = rs.getObject("free");
        return new CourseInfo(rs.getObject("course_id", UUID.class),
                rs.getObject("instructor_id", UUID.class), rs.getString("title"), rs.getString("category"),
                rs.getString("status"), free == null ? null : (Boolean) free,
                noPrice ? null : amount, rs.getString("price_currency"), (Integer) rs.getObject("lessons"),
                published == null ? null : published.toInstant(), rs.getBoolean("deleted"),
                rs.getDouble("rating_average"), rs.getLong("rating_count"));
    }
}
