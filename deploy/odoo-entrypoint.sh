#!/bin/sh
# Render deploy/odoo.conf.template with the secrets of the environment
# (deploy/prod.env) into the container's own config file, then start Odoo
# through the official image's entrypoint. Refuses to start with a missing
# or example secret.
set -eu
for name in ODOO_ADMIN_PASSWD POSTGRES_USER POSTGRES_PASSWORD ODOO_DB; do
    eval "value=\${$name:-}"
    if [ -z "$value" ] || [ "$value" = "change-me" ]; then
        echo "odoo-entrypoint: set $name in deploy/prod.env" >&2
        exit 1
    fi
done
sed -e "s|@ODOO_ADMIN_PASSWD@|$ODOO_ADMIN_PASSWD|" \
    -e "s|@POSTGRES_USER@|$POSTGRES_USER|" \
    -e "s|@POSTGRES_PASSWORD@|$POSTGRES_PASSWORD|" \
    -e "s|@ODOO_DB@|$ODOO_DB|g" \
    /etc/odoo/odoo.conf.template >/tmp/odoo.conf
export ODOO_RC=/tmp/odoo.conf
exec /entrypoint.sh "$@" -c /tmp/odoo.conf
