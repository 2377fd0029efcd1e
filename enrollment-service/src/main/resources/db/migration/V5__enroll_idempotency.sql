-- Idempotency-Key of POST /courses/{id}/enroll: a retried request answers the enrollment it created, not 409.
create table enroll_request (
    student_id      uuid        not null,
    idempotency_key text        not null,
    enrollment_id   uuid        not null references enrollment (id),
    created_at      timestamptz not null,
    primary key (student_id, idempotency_key)
);
