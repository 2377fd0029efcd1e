-- Course sales from promotion.promotion.v1 (ADR 0006): a checkout without a code is priced locally, at the lowest
-- sale price active at that instant. A sale republished under its id overwrites it if newer; a cancellation is final
-- (a row without a price is the tombstone of a sale cancelled before its schedule reached us).
create table course_sale (
    sale_id      uuid primary key,
    course_id    uuid        not null,
    sale_amount  bigint,
    currency     char(3),
    starts_at    timestamptz,
    ends_at      timestamptz,
    cancelled    boolean     not null default false,
    published_at timestamptz not null
);
create index course_sale_course on course_sale (course_id) where not cancelled;

-- Learners' progress from enrollment.enrollment.v1, for the refund policy; the highest progress seen wins.
create table learner_progress (
    student_id       uuid        not null,
    course_id        uuid        not null,
    progress_percent integer     not null,
    updated_at       timestamptz not null,
    primary key (student_id, course_id)
);
