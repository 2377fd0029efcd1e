-- How long a lesson runs, to know when a live lesson is being attended.
alter table course_lesson add column duration_seconds integer;

-- Engagement per learner and lesson, from heartbeats the client sends while a lesson is open.
create table lesson_activity (
    enrollment_id    uuid        not null references enrollment (id),
    lesson_id        uuid        not null,
    first_seen_at    timestamptz not null,
    last_activity_at timestamptz not null,
    seconds_spent    bigint      not null,
    -- a view is a run of heartbeats without a long gap
    views            integer     not null,
    -- a heartbeat arrived while the scheduled (live) lesson was running
    attended_live    boolean     not null,
    primary key (enrollment_id, lesson_id)
);
