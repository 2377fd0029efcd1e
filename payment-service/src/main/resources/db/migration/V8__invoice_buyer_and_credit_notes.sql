-- Whom invoices are made out to, from identity.user.v1: the name chosen for documents (else the display name) and
-- the billing address of the profile.
create table buyer (
    user_id          uuid primary key,
    display_name     text        not null,
    certificate_name text,
    billing_address  jsonb,
    -- when identity changed the profile; an older event arriving late does not overwrite a newer one
    changed_at       timestamptz not null
);

-- An invoice keeps the buyer's name and address and the payment method as they were when it was issued.
alter table invoice add column buyer_name text;
alter table invoice add column buyer_address text;
alter table invoice add column payment_method text;

-- Credit notes: one per confirmed refund of an invoiced order, numbered in a series of their own (per year, no gaps).
create table credit_note_sequence (
    year integer primary key,
    last integer not null
);

create table credit_note (
    id         uuid primary key,
    number     text        not null unique,
    invoice_id uuid        not null references invoice (id),
    refund_id  uuid        not null unique references refund (id),
    amount     bigint      not null check (amount > 0),
    currency   char(3)     not null,
    -- [{courseId, description, amount}]: what the refund took back from each line, amounts positive
    lines      jsonb       not null,
    reason     text,
    issued_at  timestamptz not null
);
create index credit_note_invoice on credit_note (invoice_id, issued_at);
