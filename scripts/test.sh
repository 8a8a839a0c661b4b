#!/usr/bin/env bash
# The one test command of this repository (.ci/run calls it; see README).
#
#   scripts/test.sh
#
# 1. checks the prerequisites (installs nothing, starts no service);
# 2. installs property_cs and property_survey WITH demo data into a fresh
#    database, with Odoo's payment_demo (a test payment provider for the
#    portal payment tour; no addon depends on it), and runs the two addons'
#    Odoo tests only (at_install + post_install, tours included);
# 3. runs pytest on the repo-level tests/ directory (some tests start an Odoo
#    server on that database), then drops the database;
# 4. lints: ruff check, ruff format --check, pylint + pylint-odoo (.pylintrc).
# It ends with one line "N passed, N failed, N skipped" and exits non-zero if
# anything failed, errored or was skipped.
#
# Environment (all optional):
#   PGHOST, PGPORT, PGUSER, PGPASSWORD  database server (127.0.0.1, 5432, odoo)
#   PYTHON           interpreter that has Odoo 18 (python3); Odoo runs as
#                    "$PYTHON -m odoo" so that every check uses the same one
#   TEST_DB          database name (default property_cs_test_<timestamp>_<pid>);
#                    it must not exist yet: this script drops it at the end
#   KEEP_DB=1        keep the test database (and its filestore) for debugging
#   ODOO_TIMEOUT     seconds allowed for the Odoo install + tests (2400)
#   ODOO_HTTP_PORT   HTTP port for HttpCase/tours (default: a free port)
#   TEST_OUTPUT_DIR  where logs go (default .ci/output, ignored by git)
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO" || exit 2

START_TS=$(date +%s)
PYTHON=${PYTHON:-python3}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-odoo}
export PYTHONDONTWRITEBYTECODE=1
export TZ=UTC # odoo-bin sets TZ=UTC before anything else; "python -m odoo" does not
ODOO_TIMEOUT=${ODOO_TIMEOUT:-2400}
# payment_demo: the owner's online payment tour (TestPortalFeePayment) pays
# with Odoo's demo provider; installed for the tests only, never a dependency
# of the addons, and its own tests are not run (TEST_TAGS)
ADDONS=property_cs,property_survey,payment_demo
TEST_TAGS=/property_cs,/property_survey

PASSED=0
FAILED=0
SKIPPED=0
STEP_RESULTS=()

say() { printf '%s\n' "$*"; }
section() { printf '\n===== %s =====\n' "$*"; }
elapsed() { echo $(($(date +%s) - START_TS)); }
record() { # record <name> <passed> <failed> <skipped>
    PASSED=$((PASSED + $2))
    FAILED=$((FAILED + $3))
    SKIPPED=$((SKIPPED + $4))
    STEP_RESULTS+=("$(printf '%-22s %4s passed, %4s failed, %4s skipped' "$1" "$2" "$3" "$4")")
}
finish() {
    cleanup
    section "Summary ($(elapsed)s)"
    local line
    for line in "${STEP_RESULTS[@]}"; do say "  $line"; done
    [ -n "${OUT_DIR:-}" ] && say "  logs: $OUT_DIR"
    say "Total time: $(elapsed)s"
    say "$PASSED passed, $FAILED failed, $SKIPPED skipped"
    if [ "$FAILED" -ne 0 ] || [ "$SKIPPED" -ne 0 ]; then
        exit 1
    fi
    exit 0
}

# --------------------------------------------------------------------------
# 1. Prerequisites
# --------------------------------------------------------------------------
section "Prerequisites"
MISSING=()
missing() { MISSING+=("$1"); }

ODOO_OK=0
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    missing "python: '$PYTHON' is not on PATH (set PYTHON=/path/to/python3 of the Odoo 18 install)"
else
    odoo_major=$("$PYTHON" -c 'import odoo.release as r; print(r.version_info[0])' 2>/dev/null </dev/null)
    if [ -z "$odoo_major" ]; then
        missing "odoo: '$PYTHON -c \"import odoo\"' fails. Install Odoo 18.0 Community for this interpreter (https://www.odoo.com/documentation/18.0/administration/on_premise/source.html: pip install -r requirements.txt && pip install -e <odoo 18.0 checkout>), set PYTHON to the interpreter that has it, or run the tests in Docker: docker compose --profile test run --rm test"
    elif [ "$odoo_major" != 18 ]; then
        missing "odoo: odoo.release.version_info[0] is $odoo_major, 18 is required (install Odoo 18.0 or set PYTHON to the interpreter that has it)"
    else
        ODOO_OK=1
        say "odoo: $("$PYTHON" -c 'import odoo.release as r; print(r.version)' </dev/null) ($("$PYTHON" -c 'import odoo, os; print(os.path.dirname(odoo.__file__))' </dev/null))"
    fi
    for mod in websocket:websocket-client pytest:pytest; do
        if "$PYTHON" -c "import ${mod%%:*}" >/dev/null 2>&1 </dev/null; then
            say "python module ${mod%%:*}: ok"
        else
            missing "python module '${mod%%:*}': not importable by $PYTHON. Install it: $PYTHON -m pip install ${mod##*:}"
        fi
    done
    if "$PYTHON" -m pylint --version >/dev/null 2>&1 </dev/null &&
        "$PYTHON" -c 'import pylint_odoo' >/dev/null 2>&1 </dev/null; then
        say "pylint + pylint_odoo: ok ($("$PYTHON" -m pylint --version 2>/dev/null </dev/null | head -1))"
    else
        missing "pylint with the pylint_odoo plugin: not importable by $PYTHON. Install it: $PYTHON -m pip install pylint-odoo"
    fi
fi

RUFF=()
if command -v ruff >/dev/null 2>&1; then
    RUFF=(ruff)
elif "$PYTHON" -m ruff --version >/dev/null 2>&1 </dev/null; then
    RUFF=("$PYTHON" -m ruff)
fi
if [ ${#RUFF[@]} -eq 0 ]; then
    missing "ruff: not on PATH and not importable by $PYTHON. Install it: $PYTHON -m pip install ruff"
else
    say "ruff: $("${RUFF[@]}" --version </dev/null)"
fi

# Odoo's tour runner picks the first of these that is on PATH
# (odoo/tests/common.py _find_executable), so that one must really run.
BROWSER=""
for b in google-chrome chromium chromium-browser google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then
        BROWSER=$b
        break
    fi
done
if [ -z "$BROWSER" ]; then
    missing "chromium: none of google-chrome, chromium, chromium-browser, google-chrome-stable is on PATH; HttpCase tours would be skipped. Install it: Debian 'apt-get install chromium'; Ubuntu (snap-only chromium): Google Chrome's .deb 'google-chrome-stable' (see Dockerfile.test)"
elif ! browser_version=$(timeout 60 "$BROWSER" --version 2>/dev/null </dev/null); then
    missing "chromium: '$BROWSER --version' fails ($(timeout 60 "$BROWSER" --version 2>&1 </dev/null | head -c 200)); Ubuntu's chromium-browser is a snap wrapper that does not run here: install Debian's chromium or google-chrome-stable"
else
    say "browser: $BROWSER ($browser_version)"
fi

if [ "$PGUSER" = postgres ]; then
    missing "PGUSER=postgres: Odoo refuses to run as the database superuser 'postgres'; use another role (default odoo)"
fi
PG_OK=0
if command -v pg_isready >/dev/null 2>&1; then
    if pg_out=$(pg_isready -h "$PGHOST" -p "$PGPORT" -t 10 2>&1 </dev/null); then
        PG_OK=1
        say "postgresql: $pg_out"
    else
        missing "postgresql: not reachable on $PGHOST:$PGPORT ($pg_out). Start PostgreSQL (e.g. 'service postgresql start', or 'docker compose up -d db') or set PGHOST/PGPORT"
    fi
elif [ "$ODOO_OK" = 1 ]; then
    # psycopg2 is an Odoo dependency: use it when pg_isready is not installed
    if pg_out=$("$PYTHON" - <<'PY' 2>&1
import psycopg2
try:
    psycopg2.connect(dbname="postgres", connect_timeout=10).close()
except psycopg2.OperationalError as e:
    msg = str(e)
    if "does not exist" in msg or "authentication" in msg or "password" in msg:
        print("reachable (%s)" % msg.strip().splitlines()[0])
    else:
        raise SystemExit(msg.strip())
else:
    print("accepting connections")
PY
    ); then
        PG_OK=1
        say "postgresql (psycopg2): $pg_out"
    else
        missing "postgresql: not reachable on $PGHOST:$PGPORT ($pg_out). Start PostgreSQL or set PGHOST/PGPORT"
    fi
else
    missing "postgresql: pg_isready is not installed (apt-get install postgresql-client) and psycopg2 (from Odoo) is not available to check $PGHOST:$PGPORT"
fi

if [ ${#MISSING[@]} -ne 0 ]; then
    say ""
    say "Missing prerequisites (scripts/test.sh installs nothing):"
    for m in "${MISSING[@]}"; do say "  - $m"; done
    say "Total time: $(elapsed)s"
    say "0 passed, ${#MISSING[@]} failed, 0 skipped"
    exit 2
fi

# --------------------------------------------------------------------------
# Work area, logs, cleanup
# --------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/property_cs_test.XXXXXX")
OUT_DIR=${TEST_OUTPUT_DIR:-$REPO/.ci/output}
if ! mkdir -p "$OUT_DIR" 2>/dev/null || ! touch "$OUT_DIR/.write-test" 2>/dev/null; then
    say "note: $OUT_DIR is not writable, logs go to $WORK/output"
    OUT_DIR=$WORK/output
    mkdir -p "$OUT_DIR"
fi
rm -f "$OUT_DIR/.write-test"

TEST_DB=${TEST_DB:-property_cs_test_$(date +%Y%m%d_%H%M%S)_$$}
DB_OURS=0
CLEANED=0

# pg_admin <action> [args]: small psycopg2 helper (psycopg2 ships with Odoo).
pg_admin() {
    "$PYTHON" - "$@" <<'PY'
import sys
import psycopg2
from psycopg2 import sql

action, *args = sys.argv[1:]
try:
    conn = psycopg2.connect(dbname="postgres", connect_timeout=10)
except psycopg2.OperationalError as e:
    print(str(e).strip().replace("\n", " "))
    sys.exit(3 if "does not exist" in str(e) and "role" in str(e) else 4)
conn.autocommit = True
cr = conn.cursor()
if action == "check-role":
    cr.execute("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
    row = cr.fetchone()
    sys.exit(0 if row and row[0] else 5)
elif action == "db-exists":
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (args[0],))
    sys.exit(0 if cr.fetchone() else 1)
elif action == "drop-db":
    name = sql.Identifier(args[0])
    try:
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
    except psycopg2.Error:  # PostgreSQL < 13 has no WITH (FORCE)
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (args[0],),
        )
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
PY
}

cleanup() {
    [ "$CLEANED" = 1 ] && return
    CLEANED=1
    if [ "$DB_OURS" = 1 ]; then
        if [ -n "${KEEP_DB:-}" ]; then
            say "KEEP_DB set: keeping database $TEST_DB and filestore $WORK/data"
            return
        fi
        pg_admin drop-db "$TEST_DB" >/dev/null 2>&1 </dev/null ||
            say "warning: could not drop database $TEST_DB"
    fi
    rm -rf "$WORK"
}
stop_child() { # stop_child <pid file>
    local pid
    pid=$(cat "$1" 2>/dev/null) || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 30); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 1
    done
    kill -KILL "$pid" 2>/dev/null
}
# timeout(1) passes the signal on to Odoo and Odoo's browser children; the
# Odoo server a pytest test starts stops with pytest (parent-death signal)
stop_children() {
    stop_child "$WORK/odoo.pid"
    stop_child "$WORK/pytest.pid"
}
trap cleanup EXIT
trap 'say "interrupted"; stop_children; exit 130' INT
trap 'say "terminated"; stop_children; exit 143' TERM

# --------------------------------------------------------------------------
# Database role
# --------------------------------------------------------------------------
section "Database role $PGUSER on $PGHOST:$PGPORT"
role_msg=$(pg_admin check-role </dev/null)
role_rc=$?
if [ "$role_rc" = 3 ]; then
    say "role $PGUSER does not exist: creating it (LOGIN CREATEDB) as postgres"
    create_sql="CREATE ROLE \"$PGUSER\" LOGIN CREATEDB"
    if [ -n "${PGPASSWORD:-}" ]; then
        create_sql="$create_sql PASSWORD '${PGPASSWORD//\'/\'\'}'"
    fi
    if command -v psql >/dev/null 2>&1; then
        create_out=$(psql -w -X -q -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres \
            -c "$create_sql" 2>&1 </dev/null)
    else
        create_out=$(PGUSER=postgres "$PYTHON" -c '
import sys, psycopg2
c = psycopg2.connect(dbname="postgres", connect_timeout=10)
c.autocommit = True
c.cursor().execute(sys.argv[1])' "$create_sql" 2>&1 </dev/null)
    fi
    if [ $? -ne 0 ]; then
        say "ERROR: role $PGUSER does not exist and creating it as postgres failed: $create_out"
        say "Create it yourself: psql -U postgres -c 'CREATE ROLE \"$PGUSER\" LOGIN CREATEDB' (or set PGUSER/PGPASSWORD to an existing role with CREATEDB)"
        record "database role" 0 1 0
        finish
    fi
    role_msg=$(pg_admin check-role </dev/null)
    role_rc=$?
fi
case "$role_rc" in
    0) say "role $PGUSER: ok (can create databases)" ;;
    5)
        say "ERROR: role $PGUSER exists but has no CREATEDB: psql -U postgres -c 'ALTER ROLE \"$PGUSER\" CREATEDB'"
        record "database role" 0 1 0
        finish
        ;;
    *)
        say "ERROR: cannot connect to PostgreSQL as $PGUSER: $role_msg"
        say "Check PGHOST/PGPORT/PGUSER/PGPASSWORD (password authentication needs PGPASSWORD)."
        record "database role" 0 1 0
        finish
        ;;
esac
if pg_admin db-exists "$TEST_DB" </dev/null; then
    say "ERROR: database $TEST_DB already exists; this script only uses (and drops) a database it creates. Drop it or choose another TEST_DB."
    record "database" 0 1 0
    finish
fi

# --------------------------------------------------------------------------
# 2. Odoo tests
# --------------------------------------------------------------------------
section "Odoo: install $ADDONS with demo data and run $TEST_TAGS"
HTTP_PORT=${ODOO_HTTP_PORT:-$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
ODOO_LOG=$OUT_DIR/odoo.log
# A config file of our own, so that ~/.odoorc or $ODOO_RC (the Docker image sets
# one) cannot change the run (e.g. without_demo, workers, dbfilter).
cat >"$WORK/odoo.conf" <<EOF
[options]
without_demo = False
EOF
# --addons-path lists only the repo: the installed odoo package appends its own
# odoo/addons directory (all Community addons) by itself.
ODOO_ARGS=(
    -c "$WORK/odoo.conf"
    -d "$TEST_DB"
    --db_host "$PGHOST" --db_port "$PGPORT" --db_user "$PGUSER"
    --addons-path="$REPO/addons"
    --data-dir="$WORK/data"
    -i "$ADDONS"
    # Chinese is loaded with base, before the addons: their terms load at
    # their install and the demo is the Chinese one the README's Docker demo
    # shows; en_US first keeps English the default language of new contacts
    # (the tests' own records)
    --load-language=en_US,zh_CN,zh_TW
    --test-enable --test-tags "$TEST_TAGS"
    --stop-after-init
    --log-level=test
    --http-interface=127.0.0.1 --http-port="$HTTP_PORT"
    --max-cron-threads=0 --workers=0
)
say "$PYTHON -m odoo ${ODOO_ARGS[*]}"
say "(log: $ODOO_LOG; time limit ${ODOO_TIMEOUT}s)"
DB_OURS=1
# Odoo runs in the background and the script waits for it with `wait`, so that
# an INT/TERM reaches the traps at once (they stop Odoo, then drop the DB).
run_odoo() {
    timeout -k 30 "$ODOO_TIMEOUT" "$PYTHON" -m odoo "${ODOO_ARGS[@]}" </dev/null 2>&1 &
    echo $! >"$WORK/odoo.pid"
    wait $!
    echo $? >"$WORK/odoo.rc"
}
run_odoo | tee "$ODOO_LOG" &
wait $!
odoo_rc=$(cat "$WORK/odoo.rc" 2>/dev/null || echo 1)
section "Odoo result (exit code $odoo_rc, $(elapsed)s so far)"
odoo_summary=$("$PYTHON" "$REPO/scripts/odoo_log_summary.py" "$ODOO_LOG" </dev/null)
say "$odoo_summary"
result_line=$(printf '%s\n' "$odoo_summary" | grep '^ODOO_RESULT ' | tail -1)
o_passed=$(sed -n 's/.* passed=\([0-9]*\).*/\1/p' <<<"$result_line")
o_failed=$(sed -n 's/.* failed=\([0-9]*\).*/\1/p' <<<"$result_line")
o_skipped=$(sed -n 's/.* skipped=\([0-9]*\).*/\1/p' <<<"$result_line")
o_passed=${o_passed:-0}
o_failed=${o_failed:-1}
o_skipped=${o_skipped:-0}
if [ "$odoo_rc" = 124 ] || [ "$odoo_rc" = 137 ]; then
    say "ERROR: Odoo did not finish within ${ODOO_TIMEOUT}s (ODOO_TIMEOUT)"
    o_failed=$((o_failed + 1))
elif [ "$odoo_rc" != 0 ] && [ "$o_failed" = 0 ]; then
    say "ERROR: Odoo exited with code $odoo_rc although the log shows no failure"
    o_failed=1
fi
record "odoo tests" "$o_passed" "$o_failed" "$o_skipped"

# --------------------------------------------------------------------------
# 3. Repo-level pytest
# --------------------------------------------------------------------------
section "pytest tests/"
if [ -d "$REPO/tests" ]; then
    # tests that need the installed database (a real Odoo server on it, e.g.
    # tests/test_complaint_throttle_concurrency.py) find it here; they skip
    # only when PROPERTY_CS_TEST_DB is unset (pytest run alone)
    export PYTHON PROPERTY_CS_TEST_DB=$TEST_DB
    export PROPERTY_CS_TEST_ADDONS=$REPO/addons
    export PROPERTY_CS_TEST_DATA_DIR=$WORK/data
    export PROPERTY_CS_TEST_ODOO_CONF=$WORK/odoo.conf
    JUNIT=$OUT_DIR/pytest.xml
    rm -f "$JUNIT"
    # in the background, as Odoo above, so that INT/TERM reach the traps at once
    run_pytest() {
        "$PYTHON" -m pytest "$REPO/tests" --rootdir="$REPO" -p no:cacheprovider \
            -q -rfEs --junitxml="$JUNIT" </dev/null 2>&1 &
        echo $! >"$WORK/pytest.pid"
        wait $!
        echo $? >"$WORK/pytest.rc"
    }
    run_pytest | tee "$OUT_DIR/pytest.log" &
    wait $!
    pytest_rc=$(cat "$WORK/pytest.rc" 2>/dev/null || echo 2)
    read -r p_tests p_fail p_err p_skip < <("$PYTHON" - "$JUNIT" <<'PY' 2>/dev/null
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print(0, 0, 0, 0)
    raise SystemExit
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tot = [0, 0, 0, 0]
for s in suites:
    for i, k in enumerate(("tests", "failures", "errors", "skipped")):
        tot[i] += int(s.get(k, 0))
print(*tot)
PY
    )
    p_tests=${p_tests:-0} p_fail=${p_fail:-0} p_err=${p_err:-0} p_skip=${p_skip:-0}
    p_failed=$((p_fail + p_err))
    p_passed=$((p_tests - p_failed - p_skip))
    [ "$p_passed" -lt 0 ] && p_passed=0
    case "$pytest_rc" in
        0 | 1) ;;
        5) say "pytest: no tests collected (counted as 0 tests)" ;;
        *)
            if [ "$p_failed" = 0 ]; then
                say "ERROR: pytest exited with code $pytest_rc (usage/internal error)"
                p_failed=1
            fi
            ;;
    esac
    record "pytest" "$p_passed" "$p_failed" "$p_skip"
else
    say "no tests/ directory: 0 tests"
    record "pytest" 0 0 0
fi
# drop the database now rather than at exit, so that the summary stays last
cleanup

# --------------------------------------------------------------------------
# 4. Lint (each tool is one passed/failed test)
# --------------------------------------------------------------------------
LINT_PATHS=()
for p in addons tests scripts data; do
    [ -e "$REPO/$p" ] && LINT_PATHS+=("$p")
done
ADDON_DIRS=()
for m in "$REPO"/addons/*/__manifest__.py; do
    [ -e "$m" ] && ADDON_DIRS+=("addons/$(basename "$(dirname "$m")")")
done

run_lint() { # run_lint <name> <log file> <command...>
    local name=$1 log=$2
    shift 2
    section "lint: $name"
    say "$*"
    "$@" </dev/null 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    if [ "$rc" = 0 ]; then
        record "lint: $name" 1 0 0
    else
        say "lint: $name FAILED (exit code $rc)"
        record "lint: $name" 0 1 0
    fi
}

run_lint "ruff check" "$OUT_DIR/ruff-check.log" \
    "${RUFF[@]}" check --no-fix --no-cache --output-format=concise "${LINT_PATHS[@]}"
run_lint "ruff format" "$OUT_DIR/ruff-format.log" \
    "${RUFF[@]}" format --check --no-cache "${LINT_PATHS[@]}"
if [ ${#ADDON_DIRS[@]} -eq 0 ]; then
    say "no addon under addons/: pylint has nothing to check"
    record "lint: pylint-odoo" 0 1 0
else
    run_lint "pylint-odoo" "$OUT_DIR/pylint.log" \
        "$PYTHON" -m pylint --rcfile="$REPO/.pylintrc" --output-format=text "${ADDON_DIRS[@]}"
fi

finish
