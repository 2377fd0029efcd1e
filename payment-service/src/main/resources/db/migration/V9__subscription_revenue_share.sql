-- Subscription revenue share (docs/adr/0020-subscription-revenue-share.md): a month's subscription revenue is split
-- over the courses by how much subscribers consumed of each.

-- Enrollments granted by a subscription (enrollment.enrollment.v1 StudentEnrolled, source SUBSCRIPTION).
create table subscription_enrollment (
    enrollment_id uuid primary key,
    course_id     uuid        not null,
    instructor_id uuid        not null,
    student_id    uuid        not null,
    enrolled_at   timestamptz not null
);

-- Lessons completed through such an enrollment, once per enrollment and lesson (LessonCompleted).
create table subscription_lesson (
    enrollment_id uuid        not null,
    lesson_id     uuid        not null,
    course_id     uuid        not null,
    instructor_id uuid        not null,
    completed_at  timestamptz not null,
    primary key (enrollment_id, lesson_id)
);
create index subscription_lesson_completed on subscription_lesson (completed_at);

-- Lesson durations from catalog's course snapshots (null: the instructor gave none).
create table lesson_duration (
    lesson_id        uuid primary key,
    course_id        uuid    not null,
    duration_seconds integer,
    revision         bigint  not null
);
create index lesson_duration_course on lesson_duration (course_id);

-- A month is closed once: its row and its shares commit together.
create table revenue_share_month (
    month     date primary key,
    closed_at timestamptz not null
);

-- A share is a ledger entry per course without an order.
alter table earning_entry alter column order_id drop not null;
alter table earning_entry add column share_id uuid;
alter table earning_entry add constraint earning_entry_order_or_share
    check ((order_id is null) = (kind = 'SUBSCRIPTION_SHARE') and (share_id is null) = (kind <> 'SUBSCRIPTION_SHARE'));
create unique index earning_entry_share_course on earning_entry (share_id, course_id) where share_id is not null;

-- Each closed month's pool per currency, as it was shared.
create table revenue_share_pool (
    month            date    not null references revenue_share_month (month),
    currency         char(3) not null,
    revenue          bigint  not null,
    consumed_seconds bigint  not null,
    primary key (month, currency)
);
