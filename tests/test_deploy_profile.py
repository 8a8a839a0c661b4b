# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks of the production profile of docker-compose.yml and deploy/.

`docker compose config` is not available on the CI machine (no compose
plugin, no registry), so this is its equivalent for what matters: the
services of profile "prod" and how they fit together, the Odoo
configuration (every option known to Odoo 18, workers, limits,
connections against PostgreSQL's max_connections, the replica), the
reverse proxy's routing of the websocket, the streaming replica, the
shared filestore and sessions, and secrets kept out of the repository.
"""

import configparser
import os
import re
import subprocess
import sys
from pathlib import Path

from test_docker_compose import DATED_TAG_RE, load_compose

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
PROD_COMMAND = "docker compose --profile prod up -d prod-proxy"
PROD_SERVICES = {"prod-db", "prod-db-replica", "prod-init", "prod-odoo", "prod-proxy"}


def _services():
    return load_compose()["services"]


def _odoo_conf():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string((DEPLOY / "odoo.conf.template").read_text(encoding="utf-8"))
    return parser["options"]


def _pg_conf(name):
    values = {}
    for line in (DEPLOY / "postgres" / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            values[key] = value.strip("'")
    return values


def _nginx():
    return (DEPLOY / "nginx.conf").read_text(encoding="utf-8")


def _location(text, path):
    pattern = r"location\s+" + re.escape(path) + r"\s*\{(.*?)\n    \}"
    match = re.search(pattern, text, re.S)
    assert match, f"no location {path}"
    return match.group(1)


def _upstream_port(text, name):
    pattern = r"upstream\s+" + name + r"\s*\{\s*server\s+([\w.-]+):(\d+);"
    match = re.search(pattern, text)
    assert match, f"no upstream {name}"
    return match.group(1), int(match.group(2))


def test_production_services_behind_their_profile():
    """Every production service is in profile prod, the demo's are not, and
    the documented command starts the proxy with what it depends on."""
    services = _services()
    assert PROD_SERVICES <= set(services)
    for name in PROD_SERVICES:
        assert services[name]["profiles"] == ["prod"], name
    for name in ("db", "init", "odoo"):
        assert not services[name].get("profiles"), name
    # the proxy's dependency chain reaches every production service
    seen, todo = set(), ["prod-proxy"]
    while todo:
        name = todo.pop()
        seen.add(name)
        todo += [d for d in services[name].get("depends_on") or [] if d not in seen]
    assert seen == PROD_SERVICES
    assert PROD_COMMAND in (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    assert PROD_COMMAND in (DEPLOY / "README.md").read_text(encoding="utf-8")
    assert "deploy/README.md" in (REPO / "README.md").read_text(encoding="utf-8")


def test_same_pinned_odoo_image_and_no_demo():
    """The production Odoo services use the demo's dated image; the database
    is created without demo data and without payment_demo."""
    services = _services()
    tag = services["odoo"]["image"]
    assert DATED_TAG_RE.match(tag)
    assert services["prod-init"]["image"] == services["prod-odoo"]["image"] == tag
    cmd = [str(arg) for arg in services["prod-init"]["command"]]
    modules = cmd[cmd.index("-i") + 1].split(",")
    assert modules == ["property_cs", "property_survey"]
    assert "--without-demo=all" in cmd and "--stop-after-init" in cmd
    assert _odoo_conf()["without_demo"] == "all"
    prod_odoo = services["prod-odoo"]["depends_on"]
    assert prod_odoo["prod-init"]["condition"] == "service_completed_successfully"


def test_odoo_configuration():
    """Workers behind a proxy, cron threads for the parallel queued workers,
    limits, the replica for read-only requests, no database manager."""
    conf = _odoo_conf()
    assert int(conf["workers"]) >= 2
    assert conf["proxy_mode"] == "True"
    assert conf["list_db"] == "False"
    assert conf["db_host"] == "prod-db"
    assert conf["db_replica_host"] == "prod-db-replica"
    assert conf["db_replica_port"] == conf["db_port"] == "5432"
    assert conf["dbfilter"] == "^@ODOO_DB@$" and conf["db_name"] == "@ODOO_DB@"
    assert conf["admin_passwd"] == "@ODOO_ADMIN_PASSWD@"
    assert conf["data_dir"] == "/var/lib/odoo"
    # two cron threads: the two billing, collection and invitation workers
    # each run in parallel
    crons = (REPO / "addons/property_cs/data").glob("*.xml")
    workers = sum(
        len(re.findall(r'id="ir_cron_property_billing_worker_\d"', path.read_text()))
        for path in crons
    )
    assert workers == 2 and int(conf["max_cron_threads"]) >= workers
    # a cron's time limit above the queued workers' budget (240 s)
    assert int(conf["limit_time_real_cron"]) > 240
    assert int(conf["limit_time_real"]) >= int(conf["limit_time_cpu"]) > 0
    soft, hard = int(conf["limit_memory_soft"]), int(conf["limit_memory_hard"])
    assert 0 < soft <= 2 * 1024**3 < hard
    assert conf["gevent_port"] == "8072" and conf["http_port"] == "8069"


def test_every_option_known_to_odoo():
    """Odoo 18 knows every option of the template (a typo would be ignored
    silently by Odoo)."""
    code = (
        "import sys; from odoo.tools import config; "
        "print(' '.join(sorted(config.options)))"
    )
    result = subprocess.run(
        [os.environ.get("PYTHON") or sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    known = set(result.stdout.split())
    assert "db_replica_host" in known
    unknown = set(_odoo_conf()) - known
    assert not unknown, unknown


def test_connections_fit_postgresql():
    """Every Odoo process may open db_maxconn connections: the workers, the
    cron threads' process and the gevent process together stay within the
    primary's max_connections, and the replica (a hot standby) has at least
    the primary's."""
    conf = _odoo_conf()
    primary, replica = _pg_conf("primary.conf"), _pg_conf("replica.conf")
    processes = int(conf["workers"]) + int(conf["max_cron_threads"]) + 1
    assert processes * int(conf["db_maxconn"]) <= int(primary["max_connections"])
    assert int(replica["max_connections"]) >= int(primary["max_connections"])


def test_streaming_replica():
    """The primary ships WAL, the replica is a hot standby copied from it with
    pg_basebackup -R by a replication role created on the primary."""
    primary, replica = _pg_conf("primary.conf"), _pg_conf("replica.conf")
    assert primary["wal_level"] == "replica"
    assert int(primary["max_wal_senders"]) > 0
    assert replica["hot_standby"] == "on"
    init = (DEPLOY / "postgres" / "init-replication.sh").read_text(encoding="utf-8")
    assert "WITH REPLICATION LOGIN" in init and "host replication" in init
    entry = (DEPLOY / "postgres" / "replica-entrypoint.sh").read_text(encoding="utf-8")
    assert re.search(r"pg_basebackup -h prod-db .*-R", entry.replace("\\\n", " "))
    services = _services()
    mounts = services["prod-db"]["volumes"]
    assert any("init-replication.sh:/docker-entrypoint-initdb.d/" in m for m in mounts)
    replica_service = services["prod-db-replica"]
    assert replica_service["depends_on"]["prod-db"]["condition"] == "service_healthy"
    assert any("replica-entrypoint.sh" in e for e in replica_service["entrypoint"])


def test_proxy_routes_websocket_to_gevent():
    """nginx sends /websocket to Odoo's gevent port with the upgrade headers,
    everything else to the HTTP workers, with the forwarded headers that
    proxy_mode reads and a body limit that the upload policy fits in."""
    text = _nginx()
    conf = _odoo_conf()
    assert _upstream_port(text, "odoo") == ("prod-odoo", int(conf["http_port"]))
    assert _upstream_port(text, "odoo_websocket") == (
        "prod-odoo",
        int(conf["gevent_port"]),
    )
    websocket = _location(text, "/websocket")
    assert "proxy_pass http://odoo_websocket;" in websocket
    assert "proxy_set_header Upgrade $http_upgrade;" in websocket
    assert "proxy_set_header Connection $connection_upgrade;" in websocket
    assert "proxy_pass http://odoo;" in _location(text, "/")
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"):
        assert f"proxy_set_header {header}" in text, header
    body = re.search(r"client_max_body_size\s+(\d+)m;", text)
    # the portal's default upload: 10 files of 10 MB (res_company_upload.py);
    # Odoo itself refuses bodies over 128 MiB
    assert 100 <= int(body.group(1)) <= 128


def test_filestore_and_sessions_shared():
    """The production Odoo services keep attachments and sessions (data_dir)
    on one named volume, declared at the top level, which another Odoo host
    mounts too."""
    compose = load_compose()
    services = compose["services"]
    for name in ("prod-init", "prod-odoo"):
        assert "prod-odoo-data:/var/lib/odoo" in services[name]["volumes"], name
    assert "prod-odoo-data" in compose["volumes"]


def test_secrets_stay_out_of_the_repository():
    """Secrets come from deploy/prod.env, which git ignores; the example holds
    placeholders that the entrypoint refuses; every placeholder of the Odoo
    template is rendered by the entrypoint."""
    assert "deploy/prod.env" in (REPO / ".gitignore").read_text().splitlines()
    example = (DEPLOY / "prod.env.example").read_text(encoding="utf-8")
    for name in ("POSTGRES_PASSWORD", "REPLICATION_PASSWORD", "ODOO_ADMIN_PASSWD"):
        assert re.search(rf"^{name}=change-me$", example, re.M), name
    entry = (DEPLOY / "odoo-entrypoint.sh").read_text(encoding="utf-8")
    assert '"change-me"' in entry
    template = (DEPLOY / "odoo.conf.template").read_text(encoding="utf-8")
    for name in set(re.findall(r"@(\w+)@", template)):
        assert f"@{name}@" in entry, name
    services = _services()
    for name in PROD_SERVICES - {"prod-proxy"}:
        assert services[name]["env_file"] == "deploy/prod.env", name


def test_entrypoint_renders_and_refuses(tmp_path):
    """The entrypoint renders the template with the environment's secrets
    and refuses to start with an example secret."""
    script = (DEPLOY / "odoo-entrypoint.sh").read_text(encoding="utf-8")
    template = tmp_path / "odoo.conf.template"
    template.write_text((DEPLOY / "odoo.conf.template").read_text())
    fake_entry = tmp_path / "entrypoint.sh"
    fake_entry.write_text('#!/bin/sh\necho "ARGS $*"\ncat "$ODOO_RC"\n')
    fake_entry.chmod(0o755)
    out = tmp_path / "odoo.conf"
    script = (
        script.replace("/etc/odoo/odoo.conf.template", str(template))
        .replace("/tmp/odoo.conf", str(out))
        .replace("/entrypoint.sh", str(fake_entry))
    )
    runner = tmp_path / "run.sh"
    runner.write_text(script)
    env = {
        "PATH": os.environ["PATH"],
        "ODOO_ADMIN_PASSWD": "s3cret",
        "POSTGRES_USER": "odoo",
        "POSTGRES_PASSWORD": "pw",
        "ODOO_DB": "property",
    }
    result = subprocess.run(
        ["sh", str(runner), "odoo"], env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert f"ARGS odoo -c {out}" in result.stdout
    assert "admin_passwd = s3cret" in result.stdout
    assert "dbfilter = ^property$" in result.stdout
    assert not re.search(r"@\w+@", out.read_text())
    refused = subprocess.run(
        ["sh", str(runner), "odoo"],
        env=dict(env, POSTGRES_PASSWORD="change-me"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode == 1
    assert "POSTGRES_PASSWORD" in refused.stderr
