#!/bin/sh
# The role the API and the worker connect as: no superuser, not the owner of any table, so it can neither
# switch off the audit log's append-only trigger nor rewrite the log. The owner (POSTGRES_USER, used by
# the migrate job only) creates the tables; the default privileges below give this role what it needs on
# everything the owner creates later.
#
# PostgreSQL runs this once, when the data volume is first initialised. For an existing volume run it by
# hand (it is idempotent):
#   docker compose -f docker/compose.yml exec -e GESIT_APP_DB_PASSWORD postgres sh /docker-entrypoint-initdb.d/10-gesit-app-role.sh
set -eu
: "${GESIT_APP_DB_PASSWORD:?set GESIT_APP_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner="$POSTGRES_USER" -v db="$POSTGRES_DB" -v app_password="$GESIT_APP_DB_PASSWORD" <<'SQL'
SELECT 'CREATE ROLE gesit_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gesit_app') \gexec
ALTER ROLE gesit_app WITH LOGIN NOSUPERUSER PASSWORD :'app_password';
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO gesit_app;
GRANT USAGE ON SCHEMA public TO gesit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gesit_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO gesit_app;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gesit_app;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO gesit_app;
SQL
