#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if needed, starts it on 127.0.0.1:5432 and makes sure the test role
# (blogsite / blogsite, allowed to create databases) exists. Safe to run again while it is running.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main >/dev/null
fi

if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -qx online; then
  as_root pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p 5432

if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'blogsite'" | grep -qx 1; then
  as_postgres psql -qc "CREATE ROLE blogsite LOGIN PASSWORD 'blogsite' CREATEDB"
fi
# Dropping a test database WITH (FORCE) ends the sessions still on it; a session of another role (an earlier run's,
# a vacuum) may only be ended by a member of pg_signal_backend.
as_postgres psql -qc "GRANT pg_signal_backend TO blogsite" >/dev/null
echo "PostgreSQL $version is ready on 127.0.0.1:5432."
