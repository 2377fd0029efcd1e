-- Revocations an admin made by hand (abuse, a chargeback settled outside Stripe): who, when and why. The event
-- EnrollmentRevoked carries the admin but has no room for the free-text reason, so support finds it here.
create table enrollment_revocation (
    id            uuid primary key,
    enrollment_id uuid        not null references enrollment (id),
    actor_id      uuid        not null,
    reason        text        not null,
    revoked_at    timestamptz not null
);
create index enrollment_revocation_by_enrollment on enrollment_revocation (enrollment_id);
-- support's list filters by status (and by learner or course, which have their own indexes)
create index enrollment_by_status on enrollment (status, started_at);
