-- Display names from identity events, for certificates (learner and instructor names as the users chose them).
create table person (
    id           uuid primary key,
    display_name text        not null,
    -- when identity changed the name; an older event arriving late does not overwrite a newer name
    changed_at   timestamptz not null
);

alter table certificate add column instructor_name text;
