-- What the test app's purchase listener applied, in the order it applied it.
create table purchase_effect (
    id       bigint generated always as identity primary key,
    order_id uuid not null,
    effect   text not null
);
