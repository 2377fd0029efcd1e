-- An order has one line per course (a bundle is one order with a line per course). The amounts on payment_order
-- stay, as the sums of its lines, for listings and reports; the service always writes them from the lines.
create table order_line (
    order_id            uuid    not null references payment_order (id),
    position            integer not null,
    course_id           uuid    not null,
    instructor_id       uuid    not null,
    course_title        text    not null,
    price_amount        bigint  not null,
    discount_amount     bigint  not null,
    paid_amount         bigint  not null,
    platform_fee_amount bigint,
    refunded_amount     bigint  not null default 0,
    primary key (order_id, position),
    constraint order_line_course_once unique (order_id, course_id),
    constraint order_line_amounts check (price_amount >= 0 and discount_amount >= 0
        and paid_amount = price_amount - discount_amount and refunded_amount between 0 and paid_amount)
);
create index order_line_course on order_line (course_id);

-- every existing order was one course: it becomes its first and only line
insert into order_line (order_id, position, course_id, instructor_id, course_title, price_amount, discount_amount,
                        paid_amount, platform_fee_amount, refunded_amount)
select id, 0, course_id, instructor_id, course_title, price_amount, discount_amount, paid_amount,
       platform_fee_amount, refunded_amount
from payment_order;

drop index payment_order_owned;
alter table payment_order drop column course_id;
alter table payment_order drop column instructor_id;
-- what the checkout page and the provider's line item show: the course title, or the bundle's name
alter table payment_order rename column course_title to title;
alter table payment_order add column bundle_id uuid;
alter table payment_order add column coupon_id uuid;
alter table payment_order add column affiliate_code text;
-- the buyer's open checkouts, looked up before a new order is made
create index payment_order_open on payment_order (buyer_id, status) where status in ('PENDING', 'FAILED');

-- The ledger keeps one entry per order line (course_id names the line: a course appears once per order).
-- Affiliate commissions (promotion.promotion.v1) are entries of their own: net = gross - fee - commission.
alter table earning_entry add column commission_amount bigint not null default 0;
alter table earning_entry add column commission_id uuid;
create unique index earning_entry_commission on earning_entry (commission_id, kind) where commission_id is not null;
