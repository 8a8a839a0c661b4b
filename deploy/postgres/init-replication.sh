#!/bin/sh
# Run once by the official postgres image when the primary's data directory
# is created (/docker-entrypoint-initdb.d): the replication role and its
# access rule.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE "$REPLICATION_USER" WITH REPLICATION LOGIN PASSWORD '$REPLICATION_PASSWORD';
SQL
echo "host replication $REPLICATION_USER all scram-sha-256" >>"$PGDATA/pg_hba.conf"
