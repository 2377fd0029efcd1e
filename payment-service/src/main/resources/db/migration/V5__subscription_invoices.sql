-- Subscription periods are invoiced too, under the same yearly numbering: an invoice belongs to an order or to a
-- subscription's paid Stripe invoice (one of ours per Stripe invoice).
alter table invoice alter column order_id drop not null;
alter table invoice add column subscription_id uuid references subscription (id);
alter table invoice add column stripe_invoice_id text unique;
alter table invoice add column amount bigint;
alter table invoice add column currency char(3);
alter table invoice add column period_start timestamptz;
alter table invoice add column period_end timestamptz;
alter table invoice add constraint invoice_of_order_or_subscription
    check ((order_id is null) <> (subscription_id is null));
create index invoice_subscription on invoice (subscription_id, issued_at desc);
