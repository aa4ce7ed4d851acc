#!/bin/bash
# The roles and the database of the service, created once on the first start (entrypoint.sh), over the local
# socket as the superuser:
#   GOVFLOW_OWNER_ROLE (govflow_owner)  owns the database and its schema; the service runs the migrations as it
#   GOVFLOW_APP_ROLE   (govflow_app)    the service's own role: CONNECT to the database and USAGE of its
#                                       schema only; row access to the tables comes from the migrations'
#                                       default privileges
#   GOVFLOW_DATABASE   (govflow)
# Passwords from the files GOVFLOW_OWNER_PASSWORD_FILE and GOVFLOW_APP_PASSWORD_FILE (leading and trailing
# white space dropped, as the service reads them). They go to psql in its environment, never on a command line.
set -euo pipefail

read_secret() {
  local variable=$1 file=${!1:-} value
  if [[ -z "$file" || ! -r "$file" ]]; then
    echo "$variable must name a readable file (a compose secret, e.g. /run/secrets/...)" >&2
    exit 1
  fi
  value="$(<"$file")"
  value="${value#"${value%%[![:space:]]*}"}"
  value="${value%"${value##*[![:space:]]}"}"
  if [[ -z "$value" ]]; then
    echo "the file of $variable is empty" >&2
    exit 1
  fi
  printf '%s' "$value"
}

GOVFLOW_OWNER_PASSWORD="$(read_secret GOVFLOW_OWNER_PASSWORD_FILE)" \
GOVFLOW_APP_PASSWORD="$(read_secret GOVFLOW_APP_PASSWORD_FILE)" \
psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --username=postgres --dbname=postgres \
  --set=owner="${GOVFLOW_OWNER_ROLE:-govflow_owner}" --set=app="${GOVFLOW_APP_ROLE:-govflow_app}" \
  --set=db="${GOVFLOW_DATABASE:-govflow}" <<'SQL'
\getenv owner_password GOVFLOW_OWNER_PASSWORD
\getenv app_password GOVFLOW_APP_PASSWORD
SET password_encryption = 'scram-sha-256';
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'app_password';
CREATE DATABASE :"db" OWNER :"owner" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";
-- the service's roles have no business in the maintenance databases
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;
\connect :"db"
-- PostgreSQL 15: the schema public belongs to the database's owner and PUBLIC may not create in it; the
-- service's role only uses it
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
SQL
echo "created the roles ${GOVFLOW_OWNER_ROLE:-govflow_owner} and ${GOVFLOW_APP_ROLE:-govflow_app} and the database ${GOVFLOW_DATABASE:-govflow}"
