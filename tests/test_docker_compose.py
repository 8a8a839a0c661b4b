# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks of docker-compose.yml, Dockerfile.test and the README docker commands.

PyYAML is used when importable; otherwise a small parser for the YAML subset
that docker-compose.yml is written in (block mappings, block lists, flow lists
of scalars, quoted and plain scalars, comments). Either way the checks run:
nothing here is skipped.
"""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile.test"
README = REPO / "README.md"

UP_COMMAND = "docker compose up -d"
TEST_COMMAND = "docker compose --profile test run --rm test"
DATED_TAG_RE = re.compile(r"^odoo:18\.0-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")


# --------------------------------------------------------------------------
# Minimal YAML-subset parser (fallback when PyYAML is not installed)
# --------------------------------------------------------------------------
def _strip_comment(line):
    """Remove a trailing ' # comment' that is outside quotes."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _scalar(text):
    text = text.strip()
    if text == "" or text in ("~", "null"):
        return None
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        if not inner:
            return []
        items, buf, quote = [], "", None
        for ch in inner:
            if quote:
                buf += ch
                if ch == quote:
                    quote = None
            elif ch in "'\"":
                quote = ch
                buf += ch
            elif ch == ",":
                items.append(_scalar(buf))
                buf = ""
            else:
                buf += ch
        items.append(_scalar(buf))
        return items
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    return text


def _split_key(content):
    """'key: value' -> (key, value) or None when content is not a mapping entry."""
    m = re.match(r"""^("[^"]*"|'[^']*'|[^\s'"][^:]*?):(?:\s+(.*))?$""", content)
    if not m:
        return None
    key = m.group(1)
    if key[0] in "'\"":
        key = key[1:-1]
    return key, (m.group(2) or "")


def parse_yaml_subset(text):
    lines = []
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if line.strip():
            lines.append((len(line) - len(line.lstrip(" ")), line.strip()))

    def parse_block(i, indent):
        if i >= len(lines):
            return None, i
        if lines[i][1].startswith("- ") or lines[i][1] == "-":
            result = []
            while i < len(lines) and lines[i][0] == indent and lines[i][1][:1] == "-":
                item = lines[i][1][1:].strip()
                if _split_key(item) and not item.startswith(("'", '"', "[")):
                    raise ValueError(f"list of mappings not supported: {item!r}")
                result.append(_scalar(item))
                i += 1
            return result, i
        result = {}
        while i < len(lines) and lines[i][0] == indent:
            kv = _split_key(lines[i][1])
            if kv is None:
                raise ValueError(f"cannot parse line: {lines[i][1]!r}")
            key, value = kv
            i += 1
            if value.strip():
                result[key] = _scalar(value)
            elif i < len(lines) and (
                lines[i][0] > indent
                or (lines[i][0] == indent and lines[i][1][:1] == "-")
            ):
                result[key], i = parse_block(i, lines[i][0])
            else:
                result[key] = None
        return result, i

    data, end = parse_block(0, lines[0][0] if lines else 0)
    if end != len(lines):
        raise ValueError(f"unparsed content from line: {lines[end][1]!r}")
    return data


def load_compose():
    text = COMPOSE.read_text(encoding="utf-8")
    try:
        import yaml  # noqa: PLC0415
    except ImportError:
        return parse_yaml_subset(text)
    return yaml.safe_load(text)


def _command(service):
    cmd = service.get("command")
    if isinstance(cmd, str):
        return cmd.split()
    return [str(c) for c in cmd or []]


def _volumes(service):
    return [str(v) for v in service.get("volumes") or []]


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------
def test_fallback_parser_reads_the_compose_file():
    """The PyYAML-free parser understands docker-compose.yml (same result)."""
    text = COMPOSE.read_text(encoding="utf-8")
    parsed = parse_yaml_subset(text)
    assert set(parsed["services"]) >= {"db", "init", "odoo", "test"}
    try:
        import yaml  # noqa: PLC0415
    except ImportError:
        return
    assert parsed == yaml.safe_load(text)


def test_services_exist():
    """db, init, odoo and test services are defined."""
    services = load_compose()["services"]
    assert {"db", "init", "odoo", "test"} <= set(services)
    assert services["db"]["image"] == "postgres:16"


def test_odoo_image_pinned_to_dated_tag_everywhere():
    """init, odoo and Dockerfile.test use one dated official odoo:18.0-YYYYMMDD tag."""
    services = load_compose()["services"]
    tags = {services["init"]["image"], services["odoo"]["image"]}
    assert len(tags) == 1, f"init and odoo use different images: {tags}"
    tag = tags.pop()
    assert DATED_TAG_RE.match(tag), f"{tag!r} is not pinned to a dated 18.0 tag"
    froms = re.findall(
        r"^FROM\s+(\S+)", DOCKERFILE.read_text(encoding="utf-8"), re.MULTILINE
    )
    assert froms == [tag], f"Dockerfile.test FROM {froms} differs from {tag}"


def test_addons_mounted():
    """./addons is mounted at /mnt/extra-addons for init and odoo."""
    services = load_compose()["services"]
    for name in ("init", "odoo"):
        assert "./addons:/mnt/extra-addons" in _volumes(services[name]), name


def test_init_installs_demo_database():
    """init installs property_cs, property_survey, payment_demo in property_demo."""
    services = load_compose()["services"]
    init = services["init"]
    cmd = _command(init)
    assert cmd[0] == "odoo"
    assert "--stop-after-init" in cmd
    modules = None
    db = None
    for i, arg in enumerate(cmd):
        if arg in ("-i", "--init"):
            modules = cmd[i + 1]
        elif arg.startswith("--init="):
            modules = arg.split("=", 1)[1]
        elif arg in ("-d", "--database"):
            db = cmd[i + 1]
        elif arg.startswith("--database="):
            db = arg.split("=", 1)[1]
    assert modules is not None, cmd
    assert set(modules.split(",")) == {"property_cs", "property_survey", "payment_demo"}
    assert db == "property_demo"
    assert "--without-demo" not in " ".join(cmd), "the demo database needs demo data"
    assert init["depends_on"]["db"]["condition"] == "service_healthy"


def test_web_service_waits_for_init():
    """odoo serves property_demo on 8069 once init has completed successfully."""
    odoo = load_compose()["services"]["odoo"]
    assert odoo["depends_on"]["init"]["condition"] == "service_completed_successfully"
    assert any(str(p).split(":")[-1] == "8069" for p in odoo["ports"])
    assert "property_demo" in _command(odoo)


def test_test_service_runs_test_script():
    """The test service (profile test) builds Dockerfile.test, runs scripts/test.sh."""
    services = load_compose()["services"]
    test = services["test"]
    assert test["profiles"] == ["test"]
    assert test["build"]["dockerfile"] == "Dockerfile.test"
    assert "scripts/test.sh" in " ".join(_command(test))
    env = test["environment"]
    assert env["PGHOST"] == "db"
    assert env["PGUSER"] == "odoo"
    assert env["PGPASSWORD"] == "odoo"
    mounts = {v.split(":")[0]: v.split(":")[1] for v in _volumes(test)}
    assert "." in mounts, "the whole repository must be mounted"
    assert test.get("working_dir") == mounts["."]
    # only the test and production services are behind a profile, so
    # `docker compose up -d` starts db, init and odoo and nothing else
    for name, service in services.items():
        if name in ("db", "init", "odoo"):
            assert not service.get("profiles"), name
        else:
            assert service.get("profiles") in (["test"], ["prod"]), name


def test_compose_documents_its_commands():
    """docker-compose.yml names the two commands users run."""
    text = COMPOSE.read_text(encoding="utf-8")
    assert UP_COMMAND in text
    assert TEST_COMMAND in text


def test_readme_mentions_docker_commands():
    """README.md gives both docker commands exactly as docker-compose.yml does."""
    assert README.exists(), "README.md is missing"
    text = README.read_text(encoding="utf-8")
    assert UP_COMMAND in text, f"README.md does not mention `{UP_COMMAND}`"
    assert TEST_COMMAND in text, f"README.md does not mention `{TEST_COMMAND}`"


def _load_language(args):
    for i, arg in enumerate(args):
        if arg == "--load-language":
            return args[i + 1].split(",")
        if arg.startswith("--load-language="):
            return arg.split("=", 1)[1].split(",")
    return []


def test_chinese_loaded_before_the_addons():
    """The demo database and the test database load zh_CN and zh_TW in the
    run that installs the addons (Odoo loads them with base, first), with
    English first so that it stays the default language of new contacts."""
    cmd = _command(load_compose()["services"]["init"])
    langs = _load_language(cmd)
    assert {"zh_CN", "zh_TW"} <= set(langs), cmd
    assert langs[0] == "en_US", cmd
    script = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    args = re.search(r"^ODOO_ARGS=\((.*?)^\)", script, re.S | re.M).group(1)
    langs = _load_language(args.split())
    assert {"zh_CN", "zh_TW"} <= set(langs), args
    assert langs[0] == "en_US", args
