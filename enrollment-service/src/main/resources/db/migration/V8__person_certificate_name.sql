-- The name a learner chose for their certificates in identity (null: they chose none, certificates carry the
-- display name).
alter table person add column certificate_name text;
