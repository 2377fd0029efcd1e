-- At most one open refund request per order, decided by the database: of two concurrent requests one insert wins and
-- the other finds the conflict (answered 409). Requests that the old find-then-insert let through twice are closed
-- first, keeping the oldest open; a provider's later confirmation of a closed one still finds it by id.
update refund r set status = 'SUPERSEDED'
where r.status = 'REQUESTED'
  and exists (select 1 from refund o
              where o.order_id = r.order_id and o.status = 'REQUESTED'
                and (o.requested_at, o.id) < (r.requested_at, r.id));
create unique index refund_one_open on refund (order_id) where status = 'REQUESTED';
