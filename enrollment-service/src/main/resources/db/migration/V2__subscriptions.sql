-- All-access subscriptions as payment reports them: while one is ACTIVE its subscriber may enrol in any published
-- course; when it ends, the enrollments it granted end too.
create table subscription (
    id                 uuid primary key,
    subscriber_id      uuid        not null,
    status             text        not null,
    current_period_end timestamptz,
    updated_at         timestamptz not null
);
create index subscription_by_subscriber on subscription (subscriber_id) where status = 'ACTIVE';
create index enrollment_by_subscription on enrollment (subscription_id);
