-- Outbox rows Kafka refuses for good (e.g. larger than the broker accepts) are parked after a few refusals instead
-- of being retried forever: refusals counts them (attempts keeps counting every failure, outages included), and
-- parked_at takes the row out of the relay's rounds until a person releases it (docs/messaging.md, "Parked events").
alter table outbox_event add column refusals integer not null default 0;
alter table outbox_event add column parked_at timestamptz;

-- The relay holds back the later rows of a parked row's key; this index answers that check and lists parked rows.
create index outbox_event_parked on outbox_event (topic, event_key, seq) where parked_at is not null and published_at is null;
