-- One database per PostgreSQL service (docs/architecture.md, section 2); run once by the postgres image on first start.
CREATE DATABASE identity;
CREATE DATABASE catalog;
CREATE DATABASE enrollment;
CREATE DATABASE payment;
CREATE DATABASE promotion;
CREATE DATABASE analytics;
