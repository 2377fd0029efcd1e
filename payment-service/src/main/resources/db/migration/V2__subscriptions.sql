-- The all-access plan. Stripe Billing owns the schedule; this row follows its webhooks.
create table subscription (
    id                     uuid primary key,
    subscriber_id          uuid        not null,
    subscriber_email       text,
    idempotency_key        text        not null,
    plan_code              text        not null,
    price_amount           bigint      not null,
    currency               char(3)     not null,
    status                 text        not null,
    stripe_subscription_id text unique,
    checkout_session_id    text,
    checkout_url           text,
    current_period_start   timestamptz,
    current_period_end     timestamptz,
    cancel_at_period_end   boolean     not null default false,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint subscription_idempotency unique (subscriber_id, idempotency_key)
);
create index subscription_subscriber on subscription (subscriber_id, created_at desc);
