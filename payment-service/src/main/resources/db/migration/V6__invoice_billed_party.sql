-- A subscription period's invoice names whom it bills and for which plan, as they were when it was issued: the
-- invoice no longer reads the subscription to be shown or listed (an issued invoice does not change with the plan).
alter table invoice add column subscriber_id uuid;
alter table invoice add column subscriber_email text;
alter table invoice add column plan_code text;
update invoice i set subscriber_id = s.subscriber_id, subscriber_email = s.subscriber_email, plan_code = s.plan_code
from subscription s where s.id = i.subscription_id;
alter table invoice add constraint invoice_subscription_billed
    check (subscription_id is null or (subscriber_id is not null and plan_code is not null));
create index invoice_subscriber on invoice (subscriber_id, issued_at desc) where subscriber_id is not null;
