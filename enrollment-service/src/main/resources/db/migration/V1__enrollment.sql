-- Replica of the catalog's courses: only what enrollment needs (owner, price model, status, curriculum).
create table course (
    id            uuid primary key,
    instructor_id uuid        not null,
    title         text        not null,
    status        text        not null,
    free          boolean     not null,
    -- the catalog's revision of the snapshot we hold; older snapshots (redeliveries, replays) are ignored
    revision      bigint      not null,
    updated_at    timestamptz not null
);

create table course_lesson (
    course_id            uuid    not null references course (id) on delete cascade,
    lesson_id            uuid    not null,
    -- place in the whole curriculum (modules flattened), so progress lists lessons in course order
    position             integer not null,
    title                text    not null,
    type                 text    not null,
    available_at         timestamptz,
    available_after_days integer,
    -- the quiz with its answer key, exactly as the catalog sent it; never leaves the service
    quiz                 jsonb,
    primary key (course_id, lesson_id)
);
create index course_lesson_by_lesson on course_lesson (lesson_id);

create table enrollment (
    id              uuid primary key,
    student_id      uuid        not null,
    course_id       uuid        not null,
    instructor_id   uuid        not null,
    source          text        not null,
    order_id        uuid,
    subscription_id uuid,
    status          text        not null,
    started_at      timestamptz not null,
    completed_at    timestamptz,
    -- the dispute that suspended the enrollment, while it is suspended
    dispute_id      uuid,
    updated_at      timestamptz not null,
    -- one enrollment per learner and course: a replayed or second purchase changes it, never duplicates it
    unique (student_id, course_id)
);
create index enrollment_by_order on enrollment (order_id);
create index enrollment_by_course on enrollment (course_id);

-- Refunds and disputes that arrived before the purchase they are about (events of one order can overtake each other
-- on the way to us); applied, in order, when the purchase arrives.
create table early_order_change (
    order_id    uuid        not null,
    course_id   uuid        not null,
    kind        text        not null,
    dispute_id  uuid,
    occurred_at timestamptz not null,
    received_at timestamptz not null
);
create index early_order_change_by_order on early_order_change (order_id);

create table lesson_progress (
    enrollment_id uuid        not null references enrollment (id),
    lesson_id     uuid        not null,
    completed_at  timestamptz not null,
    primary key (enrollment_id, lesson_id)
);

create table quiz_attempt (
    id             uuid primary key,
    enrollment_id  uuid        not null references enrollment (id),
    lesson_id      uuid        not null,
    attempt_number integer     not null,
    score          integer     not null,
    passed         boolean     not null,
    answers        jsonb       not null,
    submitted_at   timestamptz not null,
    unique (enrollment_id, lesson_id, attempt_number)
);

create table certificate (
    code          text primary key,
    enrollment_id uuid        not null unique references enrollment (id),
    student_id    uuid        not null,
    learner_name  text        not null,
    course_id     uuid        not null,
    course_title  text        not null,
    instructor_id uuid        not null,
    issued_at     timestamptz not null
);
