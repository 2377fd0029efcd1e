package io.skillwise.analytics.people;

import static io.skillwise.analytics.projection.SqlArrays.booleans;
import static io.skillwise.analytics.projection.SqlArrays.texts;
import static io.skillwise.analytics.projection.SqlArrays.times;
import static io.skillwise.analytics.projection.SqlArrays.uuids;

import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.analytics.projection.Days;
import io.skillwise.events.identity.UserRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code app_user} of the projection version in use. */
@Repository
class UserRepository {

    record Name(UUID userId, String displayName, Instant at) {
    }

    record Roles(UUID userId, boolean instructor, Instant at) {
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void registered(Collection<UserRegistered> registrations) {
        if (registrations.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into app_user (user_id, registered_at, signed_up_to_teach)
                        select * from unnest(:users, cast(:times as timestamptz[]), :teach)
                        on conflict (user_id) do update set
                            signed_up_to_teach = case when app_user.registered_at is null
                                or excluded.registered_at < app_user.registered_at
                                then excluded.signed_up_to_teach else app_user.signed_up_to_teach end,
                            registered_at = least(coalesce(app_user.registered_at, excluded.registered_at),
                                                  excluded.registered_at)""")
                .param("users", uuids(registrations.stream().map(UserRegistered::userId).toList()))
                .param("times", times(registrations.stream().map(UserRegistered::occurredAt).toList()))
                .param("teach", booleans(registrations.stream()
                        .map(r -> r.instructorRequested() || r.roles().contains(UserRole.INSTRUCTOR)).toList()))
                .update();
    }

    void named(List<Name> names) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into app_user (user_id, display_name, profile_at)
                        select * from unnest(:users, :names, cast(:times as timestamptz[]))
                        on conflict (user_id) do update set display_name = excluded.display_name,
                            profile_at = excluded.profile_at
                        where app_user.profile_at is null or app_user.profile_at <= excluded.profile_at""")
                .param("users", uuids(names.stream().map(Name::userId).toList()))
                .param("names", texts(names.stream().map(Name::displayName).toList()))
                .param("times", times(names.stream().map(Name::at).toList()))
                .update();
    }

    void roles(List<Roles> roles) {
        if (roles.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into app_user (user_id, instructor, roles_at)
                        select * from unnest(:users, :instructor, cast(:times as timestamptz[]))
                        on conflict (user_id) do update set instructor = excluded.instructor,
                            roles_at = excluded.roles_at
                        where app_user.roles_at is null or app_user.roles_at <= excluded.roles_at""")
                .param("users", uuids(roles.stream().map(Roles::userId).toList()))
                .param("instructor", booleans(roles.stream().map(Roles::instructor).toList()))
                .param("times", times(roles.stream().map(Roles::at).toList()))
                .update();
    }

    void deactivated(Collection<UserDeactivated> deactivations) {
        if (deactivations.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into app_user (user_id, deactivated_at)
                        select * from unnest(:users, cast(:times as timestamptz[]))
                        on conflict (user_id) do update set
                            deactivated_at = least(coalesce(app_user.deactivated_at, excluded.deactivated_at),
                                                   excluded.deactivated_at)""")
                .param("users", uuids(deactivations.stream().map(UserDeactivated::userId).toList()))
                .param("times", times(deactivations.stream().map(UserDeactivated::occurredAt).toList()))
                .update();
    }

    Map<UUID, String> names(Collection<UUID> userIds) {
        Map<UUID, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select user_id, display_name from app_user where user_id = any(:users) and display_name is not null")
                .param("users", uuids(userIds))
                .query((rs, row) -> names.put(rs.getObject("user_id", UUID.class), rs.getString("display_name")))
                .list();
        return names;
    }

    /** Sign-ups per UTC day between two days (inclusive), days without any left out. */
    List<UserService.SignUps> signUpsByDay(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select (registered_at at time zone 'UTC')::date as day, count(*) as total,
                               count(*) filter (where signed_up_to_teach) as instructors
                        from app_user
                        where registered_at >= :from and registered_at < :to
                        group by 1 order by 1""")
                .param("from", Days.start(from)).param("to", Days.start(to.plusDays(1)))
                .query((rs, row) -> new UserService.SignUps(rs.getObject("day", LocalDate.class), rs.getLong("total"),
                        rs.getLong("instructors")))
                .list();
    }
}
