-- Prices as catalog last told us (catalog.course.v1); revision guards against stale or replayed snapshots.
create table course_price (
    course_id     uuid primary key,
    instructor_id uuid        not null,
    title         text        not null,
    status        text        not null,
    free          boolean     not null,
    price_amount  bigint,
    currency      char(3),
    revision      bigint      not null,
    updated_at    timestamptz not null
);

create table payment_order (
    id                  uuid primary key,
    buyer_id            uuid        not null,
    buyer_email         text,
    idempotency_key     text        not null,
    course_id           uuid        not null,
    instructor_id       uuid        not null,
    course_title        text        not null,
    price_amount        bigint      not null,
    discount_amount     bigint      not null,
    paid_amount         bigint      not null,
    currency            char(3)     not null,
    platform_fee_amount bigint,
    refunded_amount     bigint      not null default 0,
    coupon_code         text,
    referral_code       text,
    status              text        not null,
    provider            text        not null,
    checkout_session_id text,
    checkout_url        text,
    payment_intent_id   text,
    created_at          timestamptz not null,
    paid_at             timestamptz,
    updated_at          timestamptz not null,
    -- the same Idempotency-Key from the same buyer always answers the same order
    constraint payment_order_idempotency unique (buyer_id, idempotency_key)
);
create index payment_order_buyer on payment_order (buyer_id, created_at desc);
create index payment_order_owned on payment_order (buyer_id, course_id) where status in ('PAID', 'PARTIALLY_REFUNDED', 'DISPUTED');
create unique index payment_order_intent on payment_order (payment_intent_id) where payment_intent_id is not null;
create index payment_order_status on payment_order (status, created_at desc);

-- Every Stripe event id we have applied (or parked): a redelivery finds its id here and changes nothing.
create table stripe_event (
    id          text primary key,
    type        text        not null,
    received_at timestamptz not null
);

-- Stripe events that arrived before the order or charge they are about; applied when it appears.
create table parked_stripe_event (
    event_id   text primary key references stripe_event (id),
    type       text        not null,
    order_id   uuid,
    intent_id  text,
    payload    text        not null,
    parked_at  timestamptz not null
);
create index parked_stripe_event_order on parked_stripe_event (order_id);
create index parked_stripe_event_intent on parked_stripe_event (intent_id);

create table invoice_sequence (
    year integer primary key,
    last integer not null
);

create table invoice (
    id         uuid primary key,
    order_id   uuid        not null unique references payment_order (id),
    number     text        not null unique,
    issued_at  timestamptz not null
);

create table refund (
    id               uuid primary key,
    order_id         uuid        not null references payment_order (id),
    stripe_refund_id text unique,
    amount           bigint      not null,
    currency         char(3)     not null,
    reason           text,
    actor_id         uuid,
    status           text        not null,
    requested_at     timestamptz not null,
    confirmed_at     timestamptz
);
create index refund_order on refund (order_id);

create table dispute (
    id                uuid primary key,
    order_id          uuid        not null references payment_order (id),
    stripe_dispute_id text        not null unique,
    amount            bigint      not null,
    currency          char(3)     not null,
    reason            text,
    status            text        not null,
    opened_at         timestamptz not null,
    closed_at         timestamptz
);

-- The instructor earnings ledger: append-only, reversals are rows with negative amounts, so sums reconcile.
create table earning_entry (
    id            uuid primary key,
    instructor_id uuid        not null,
    order_id      uuid        not null references payment_order (id),
    course_id     uuid        not null,
    kind          text        not null,
    gross_amount  bigint      not null,
    fee_amount    bigint      not null,
    net_amount    bigint      not null,
    currency      char(3)     not null,
    occurred_at   timestamptz not null
);
create index earning_entry_instructor on earning_entry (instructor_id, occurred_at desc);
