#!/bin/bash
# PostgreSQL 15 for the compose cluster profile, run as the user postgres. On the first start (empty PGDATA) it
# initialises the data directory: superuser password from POSTGRES_PASSWORD_FILE, password authentication
# (scram-sha-256) for every TCP client, then init-govflow.sh (roles and database). Then the server runs in the
# foreground as PID 1; extra arguments are server options (e.g. -c max_connections=200).
set -euo pipefail

: "${PGDATA:?PGDATA must be set}"

# The file the environment variable $1 names: it must be set, and the file readable and not empty.
secret_file() {
  local variable=$1 file=${!1:-}
  if [[ -z "$file" || ! -r "$file" || ! -s "$file" ]]; then
    echo "$variable must name a readable, non-empty file (a compose secret, e.g. /run/secrets/...)" >&2
    exit 1
  fi
  echo "$file"
}

initialise() {
  local superuser_password
  superuser_password="$(secret_file POSTGRES_PASSWORD_FILE)"
  # every secret is checked before initdb: a half-initialised data directory would never be completed
  secret_file GOVFLOW_OWNER_PASSWORD_FILE >/dev/null
  secret_file GOVFLOW_APP_PASSWORD_FILE >/dev/null
  echo "first start: initialising $PGDATA"
  initdb --pgdata="$PGDATA" --username=postgres --pwfile="$superuser_password" --encoding=UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  # initdb allows loopback only; the service's replicas connect over the compose network
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"

  # the socket only, so nothing outside sees a half-initialised database
  pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses=''" --wait --silent start
  /usr/local/lib/govflow-postgres/init-govflow.sh
  pg_ctl --pgdata="$PGDATA" --mode=fast --wait --silent stop
  echo "first start: done"
}

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  initialise
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
