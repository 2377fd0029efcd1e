-- The service kit's tables. Kit migrations are versioned V0_x so that every service owns V1 and above.

-- Transactional outbox: a service inserts here in the transaction that changes its state; the relay publishes the
-- rows in seq order and stamps published_at. Rows are kept for a while after publication for diagnosis.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_type   text        not null,
    event_key    text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    traceparent  text,
    recorded_at  timestamptz not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

-- The relay reads only pending rows; the partial index stays as small as the backlog.
create index outbox_event_pending on outbox_event (seq) where published_at is null;
-- Clean-up deletes the oldest published rows in bounded batches.
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Inbox: the ids of events a consumer has applied, written in the transaction of the state change.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

create index processed_event_age on processed_event (processed_at);
