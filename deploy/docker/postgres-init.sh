#!/bin/bash
# Run once by the postgres image on an empty volume: one database per PostgreSQL service and one for Keycloak, each
# owned by a login role of its own with the password from .env (passed in as POSTGRES_<NAME>_PASSWORD). A service
# can then neither read nor change another's data. psql quotes the names and passwords itself (:"name", :'password').
set -euo pipefail
for name in identity catalog enrollment payment promotion analytics keycloak; do
    variable="POSTGRES_${name^^}_PASSWORD"
    password="${!variable:?$variable is not set: generate .env with deploy/docker/generate-env.sh}"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
