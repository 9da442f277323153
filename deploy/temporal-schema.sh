#!/bin/sh
# Creates (first run) or upgrades (every later run) Temporal's two PostgreSQL databases with the admin-tools
# image's temporal-sql-tool and the schema files it ships, the way Temporal's own compose and Helm setups do.
# POSIX sh: the admin-tools image has no bash. Safe to run on every `up`: setup-schema keeps a newer version,
# update-schema applies only what is missing.
#   env: POSTGRES_SEEDS, POSTGRES_USER, SQL_PASSWORD (read by temporal-sql-tool), DB_PORT (5432)
set -eu
: "${POSTGRES_SEEDS:?POSTGRES_SEEDS is required}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD is required}"
port="${DB_PORT:-5432}"
schemas=/etc/temporal/schema/postgresql/v12

sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$port" -u "$POSTGRES_USER" "$@"; }

for entry in temporal:temporal temporal_visibility:visibility; do
  db="${entry%%:*}"
  dir="$schemas/${entry##*:}/versioned"
  # An existing database is not an error; any other problem makes setup-schema below fail with its own message.
  sql --db "$db" create || echo "database $db: not created (already there?)"
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema -d "$dir"
  echo "database $db: schema up to date"
done
