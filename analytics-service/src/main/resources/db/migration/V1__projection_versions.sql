-- Which generations of the read models exist. Every version is a schema of its own (analytics_v<version>, built
-- from db/projection/projections.sql) filled by a consumer group of its own (analytics-projections-v<version>) from
-- the beginning of every topic. Reads go to the one ACTIVE version; a rebuild fills a BUILDING one beside it and
-- swaps them when it has caught up.
create table projection_version (
    version      int primary key,
    layout       int         not null,   -- the shape of the tables (ProjectionLayout.CURRENT when it was built)
    status       text        not null check (status in ('BUILDING', 'ACTIVE', 'RETIRED', 'DROPPED', 'CANCELLED')),
    created_at   timestamptz not null,
    requested_by uuid,                    -- the admin who asked for the rebuild; absent for the first version
    activated_at timestamptz,
    retired_at   timestamptz
);

-- at most one version answers, and at most one is being built
create unique index projection_version_one_active on projection_version ((true)) where status = 'ACTIVE';
create unique index projection_version_one_building on projection_version ((true)) where status = 'BUILDING';
