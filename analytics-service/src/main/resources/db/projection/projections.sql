-- The read models of one projection version. Run inside the version's own schema (search_path), so no table name
-- here is qualified. Every table is fed only from events and is idempotent by natural keys: a fact is inserted once
-- (on conflict do nothing) and only a newly inserted fact moves a counter; states are last-writer-wins by the
-- event's revision or time. So duplicates change nothing, and events of different topics may come in any order.

-- Where each consumed partition stands: how far it is applied and the newest event time seen (answers' asOf).
create table consumer_position (
    topic           text        not null,
    partition_no    int         not null,
    next_offset     bigint      not null,
    newest_event_at timestamptz,
    events          bigint      not null default 0,
    primary key (topic, partition_no)
);

-- course: courses and their owners (any event naming both), catalog details, ratings
create table course (
    course_id          uuid primary key,
    instructor_id      uuid             not null,
    title              text,
    category           text,
    status             text,                         -- catalog's status; absent while only other events named it
    free               boolean,
    price_amount       bigint,
    price_currency     text,
    lessons            int,
    revision           bigint           not null default -1,
    first_published_at timestamptz,
    deleted            boolean          not null default false,
    rating_average     double precision not null default 0,
    rating_count       bigint           not null default 0,
    rating_at          timestamptz
);
create index course_instructor on course (instructor_id);

-- course: what instructors did themselves (a course revision they published, a reply to a review)
create table instructor_action (
    action_key    text primary key,
    instructor_id uuid not null,
    kind          text not null,
    day           date not null
);
create index instructor_action_day on instructor_action (day, instructor_id);

-- people: users
create table app_user (
    user_id       uuid primary key,
    display_name  text,
    instructor    boolean not null default false,    -- teaches now
    registered_at timestamptz,
    signed_up_to_teach boolean not null default false, -- registered as (or asking to become) an instructor
    profile_at    timestamptz,
    roles_at      timestamptz,
    deactivated_at timestamptz
);
create index app_user_registered on app_user (registered_at);

-- learning: enrollments (access is last-writer-wins by event time; completion never goes back)
create table enrollment (
    enrollment_id uuid primary key,
    course_id     uuid not null,
    student_id    uuid not null,
    source        text,                              -- of the latest StudentEnrolled
    source_at     timestamptz,
    enrolled_at   timestamptz,                       -- the first enrollment; re-enrollments keep it
    access        text,
    access_at     timestamptz,
    completed_at  timestamptz
);
create index enrollment_course on enrollment (course_id, enrolled_at);
create index enrollment_enrolled on enrollment (enrolled_at);

-- learning: enrollments per course as the enrollment rows stand, moved by the statement that changes a row (its
-- count before and after), so the dashboard and the course list read a row per course
create table course_learning (
    course_id   uuid primary key,
    enrollments bigint not null default 0,           -- not revoked
    completed   bigint not null default 0,           -- not revoked and completed
    revoked     bigint not null default 0
);

create table lesson_completion (
    enrollment_id uuid not null,
    lesson_id     uuid not null,
    course_id     uuid not null,
    student_id    uuid not null,
    day           date not null,
    primary key (enrollment_id, lesson_id)
);

create table quiz_attempt (
    attempt_id uuid primary key,
    course_id  uuid    not null,
    student_id uuid    not null,
    day        date    not null,
    passed     boolean not null
);

-- learning: one row per learner, course and day with activity
create table learner_day (
    course_id     uuid not null,
    day           date not null,
    student_id    uuid not null,
    lessons       int  not null default 0,
    quiz_attempts int  not null default 0,
    primary key (course_id, day, student_id)
);
create index learner_day_day on learner_day (day);

-- learning: who owns each course, as StudentEnrolled says (a course with enrollments is never deleted or handed
-- over), so activity can be rolled up per instructor when it is applied
create table course_owner (
    course_id     uuid primary key,
    instructor_id uuid not null
);

-- learning: the instructor's engagement per day and per ISO week (its Monday). A learner is counted once per day and
-- week over all the instructor's courses: a (learner, day) or (learner, week) pair is inserted once, and only a newly
-- inserted pair moves `learners`. Activity of a course whose owner is not known yet is rolled up when it is.
create table instructor_learner_day (
    instructor_id uuid not null,
    day           date not null,
    student_id    uuid not null,
    primary key (instructor_id, day, student_id)
);

create table instructor_learner_week (
    instructor_id uuid not null,
    week          date not null,
    student_id    uuid not null,
    primary key (instructor_id, week, student_id)
);

-- learning: per instructor, each learner's enrollments that are not revoked, and how many learners have one; moved
-- with course_learning by the same difference of an enrollment row's state, per instructor once its owner is known
create table instructor_student (
    instructor_id uuid not null,
    student_id    uuid not null,
    enrollments   int  not null,
    primary key (instructor_id, student_id)
);

create table instructor_students (
    instructor_id uuid primary key,
    students      bigint not null
);

create table instructor_activity_day (
    instructor_id uuid not null,
    day           date not null,
    learners      int  not null default 0,
    lessons       int  not null default 0,
    quiz_attempts int  not null default 0,
    primary key (instructor_id, day)
);

create table instructor_activity_week (
    instructor_id uuid not null,
    week          date not null,
    learners      int  not null default 0,
    lessons       int  not null default 0,
    quiz_attempts int  not null default 0,
    primary key (instructor_id, week)
);

-- sales: the earnings ledger as payment keeps it, one row per order line and kind (signs as in payment: reversals
-- negative, net = gross - fee - commission). stream is SINGLE, BUNDLE or SUBSCRIPTION; a refund, loss or
-- commission whose sale has not arrived yet waits with stream null and counts nowhere until it does.
create table earning (
    kind          text        not null,
    source_id     uuid        not null,
    course_id     uuid        not null,
    instructor_id uuid        not null,
    order_id      uuid,
    line_no       int,
    stream        text,
    list_price    bigint      not null default 0,
    discount      bigint      not null default 0,
    gross         bigint      not null,
    fee           bigint      not null,
    commission    bigint      not null,
    net           bigint      not null,
    currency      text        not null,
    occurred_at   timestamptz not null,
    primary key (kind, source_id, course_id),
    check (net = gross - fee - commission)
);
create index earning_instructor_time on earning (instructor_id, occurred_at desc) where stream is not null;
create index earning_time on earning (occurred_at) where stream is not null;
create index earning_waiting on earning (order_id, course_id) where stream is null;
create index earning_course_sale on earning (course_id, occurred_at) where kind = 'SALE';   -- campaign effects

-- sales: earnings per course, day, stream and currency
create table revenue_day (
    course_id     uuid   not null,
    day           date   not null,
    stream        text   not null,
    currency      text   not null,
    instructor_id uuid   not null,
    orders        int    not null default 0,
    refunds       int    not null default 0,
    gross         bigint not null default 0,
    discount      bigint not null default 0,
    refunded      bigint not null default 0,
    fee           bigint not null default 0,
    commission    bigint not null default 0,
    net           bigint not null default 0,
    primary key (course_id, day, stream, currency)
);
create index revenue_day_instructor on revenue_day (instructor_id, day);
create index revenue_day_day on revenue_day (day);

-- sales: running totals per instructor, course and currency, moved in the same statement as revenue_day, so the
-- all-time figures (dashboard earnings, the course list) read a row per course instead of a year of days
create table revenue_total (
    instructor_id uuid   not null,
    course_id     uuid   not null,
    currency      text   not null,
    orders        int    not null default 0,
    refunds       int    not null default 0,
    gross         bigint not null default 0,
    discount      bigint not null default 0,
    refunded      bigint not null default 0,
    fee           bigint not null default 0,
    commission    bigint not null default 0,
    net           bigint not null default 0,
    primary key (instructor_id, course_id, currency)
);

-- sales: refunds and lost disputes from events published before PaymentRefunded/DisputeClosed carried lines;
-- split over the order's lines by payment's documented rule once the sale is known
create table unsplit_reversal (
    source_id   uuid primary key,
    kind        text        not null,
    order_id    uuid        not null,
    amount      bigint      not null,
    currency    text        not null,
    whole       boolean     not null,
    occurred_at timestamptz not null,
    split       boolean     not null default false
);
create index unsplit_reversal_waiting on unsplit_reversal (order_id) where not split;

-- sales: the checkout funnel, one row per order
create table checkout (
    order_id     uuid primary key,
    buyer_id     uuid,
    started_at   timestamptz,
    paid_at      timestamptz,
    failed_at    timestamptz,
    failure_code text,
    total        bigint,
    currency     text
);
create index checkout_started on checkout (started_at);
create index checkout_paid on checkout (paid_at);

create table dispute (
    dispute_id uuid primary key,
    order_id   uuid not null,
    amount     bigint,
    currency   text,
    opened_at  timestamptz,
    closed_at  timestamptz,
    outcome    text
);
create index dispute_opened on dispute (opened_at);

-- sales: subscription payments (one per paid period) and ends
create table subscription_payment (
    subscription_id uuid        not null,
    period_start    timestamptz not null,
    subscriber_id   uuid        not null,
    amount          bigint      not null,
    currency        text        not null,
    paid_at         timestamptz not null,
    first_period    boolean     not null,
    primary key (subscription_id, period_start)
);
create index subscription_payment_paid on subscription_payment (paid_at);

create table subscription_end (
    subscription_id uuid primary key,
    subscriber_id   uuid not null,
    ended_at        timestamptz not null,
    reason          text not null
);

-- campaign: campaigns and their coupons' redemptions
create table campaign (
    campaign_id uuid primary key,
    owner_id    uuid not null,
    name        text not null,
    starts_at   timestamptz,
    ends_at     timestamptz,
    ended_at    timestamptz,
    course_ids  uuid[] not null default '{}',
    coupon_ids  uuid[] not null default '{}'
);
create index campaign_owner on campaign (owner_id);

create table coupon_redemption (
    redemption_id uuid primary key,
    coupon_id     uuid        not null,
    campaign_id   uuid,
    order_id      uuid        not null,
    discount      bigint      not null,
    currency      text        not null,
    occurred_at   timestamptz not null
);
create index coupon_redemption_campaign on coupon_redemption (campaign_id);
