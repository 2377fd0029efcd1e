-- The test application's own state: profiles it owns (and publishes events about), and the replica its listener
-- builds from those events.
create table profile (
    id           uuid primary key,
    display_name text   not null,
    revision     bigint not null
);

create table profile_replica (
    id            uuid primary key,
    display_name  text    not null,
    revision      bigint  not null,
    applied_count integer not null
);
