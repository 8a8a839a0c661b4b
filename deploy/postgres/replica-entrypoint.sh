#!/bin/sh
# The read replica: on first start, copy the primary with pg_basebackup -R
# (which writes primary_conninfo and standby.signal), then run PostgreSQL as
# a hot standby streaming from the primary.
set -eu
export PGPASSWORD="$REPLICATION_PASSWORD"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h prod-db -p 5432 -U "$REPLICATION_USER"; do sleep 2; done
    rm -rf "${PGDATA:?}"/*
    pg_basebackup -h prod-db -p 5432 -U "$REPLICATION_USER" -D "$PGDATA" \
        -R -X stream -c fast -P
    chmod 700 "$PGDATA"
fi
chown -R postgres:postgres "$PGDATA"
exec gosu postgres postgres -c config_file=/etc/postgresql/postgresql.conf \
    -c hba_file="$PGDATA/pg_hba.conf"
