# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Repository layout rules that Odoo's own tests do not see."""

import ast
import csv
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
ADDON_IDS = [p.name for p in ADDONS]


def _manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def test_addons_found():
    """The repository has the two addons."""
    assert {"property_cs", "property_survey"} <= set(ADDON_IDS)


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_manifest_version_is_18(addon):
    """Manifest versions start with 18.0."""
    version = _manifest(addon).get("version", "")
    assert str(version).startswith("18.0."), f"{addon.name}: version {version!r}"


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_no_base_language_po(addon):
    """No zh.po (it would leak into zh_CN AND zh_TW) and no en.po."""
    forbidden = [
        p.relative_to(REPO).as_posix()
        for p in addon.glob("i18n/*.po")
        if p.name in ("zh.po", "en.po")
    ]
    assert not forbidden, f"remove {forbidden}"


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_chinese_translations_exist(addon):
    """Each addon ships i18n/zh_CN.po and i18n/zh_TW.po."""
    missing = [
        f"{addon.name}/i18n/{name}"
        for name in ("zh_CN.po", "zh_TW.po")
        if not (addon / "i18n" / name).is_file()
    ]
    assert not missing, f"missing {missing}"


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_chinese_translations_complete(addon):
    """Every term of the addon's template is translated in zh_CN and zh_TW
    (polib comes with Odoo's own requirements)."""
    import polib

    template = {
        e.msgid for e in polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    }
    assert template, f"{addon.name}: empty template"
    for lang in ("zh_CN", "zh_TW"):
        translated = {
            e.msgid
            for e in polib.pofile(str(addon / "i18n" / f"{lang}.po"))
            if e.msgstr.strip()
        }
        missing = sorted(template - translated)
        assert not missing, f"{addon.name} {lang}: untranslated {missing[:5]}"


def test_glossary_rows_complete():
    """The glossary has one row per term with English, zh_CN, zh_TW and a
    note, and no term twice."""
    with open(REPO / "i18n" / "glossary.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["term_en", "zh_CN", "zh_TW", "note"]
    bad = [row for row in rows[1:] if len(row) != 4 or not all(row[:3])]
    assert not bad, f"incomplete rows: {bad[:3]}"
    terms = [row[0].strip().lower() for row in rows[1:]]
    assert len(terms) == len(set(terms)), "a term appears twice"


def test_ci_run_calls_test_script():
    """Every .ci/run is executable, uses set -euo pipefail, calls scripts/test.sh."""
    runs = [
        Path(root) / "run"
        for root, dirs, files in os.walk(REPO)
        if Path(root).name == ".ci"
        and "run" in files
        and ".git" not in Path(root).parts
    ]
    assert REPO / ".ci" / "run" in runs
    for run in runs:
        text = run.read_text(encoding="utf-8")
        assert "scripts/test.sh" in text, f"{run} does not call scripts/test.sh"
        assert "set -euo pipefail" in text, run
        assert os.access(run, os.X_OK), f"{run} is not executable"


def test_test_script_is_valid_bash():
    """scripts/test.sh parses (bash -n), is executable and prints the totals line."""
    script = REPO / "scripts" / "test.sh"
    assert os.access(script, os.X_OK)
    subprocess.run(["bash", "-n", str(script)], check=True)
    assert 'say "$PASSED passed, $FAILED failed, $SKIPPED skipped"' in script.read_text(
        encoding="utf-8"
    )


def test_test_script_installs_payment_demo_but_no_addon_needs_it():
    """The test database has Odoo's payment_demo (the owner's online payment
    tour pays with it) but only the addons' own tests run, and no addon
    depends on payment_demo."""
    text = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    addons = re.search(r"^ADDONS=(\S+)$", text, re.M).group(1).split(",")
    tags = re.search(r"^TEST_TAGS=(\S+)$", text, re.M).group(1).split(",")
    assert {"property_cs", "property_survey", "payment_demo"} <= set(addons)
    assert "/payment_demo" not in tags and tags, tags
    for addon in ADDONS:
        assert "payment_demo" not in _manifest(addon).get("depends", []), addon.name


def _data_csvs():
    return sorted((REPO / "data").rglob("*.csv")) if (REPO / "data").is_dir() else []


def test_data_csv_files_parse_with_id_column():
    """Every CSV under data/ parses and has an id column with set, unique ids."""
    problems = []
    for path in _data_csvs():
        rel = path.relative_to(REPO).as_posix()
        try:
            with path.open(encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.reader(fh))
        except (UnicodeDecodeError, csv.Error) as exc:
            problems.append(f"{rel}: does not parse ({exc})")
            continue
        if not rows:
            problems.append(f"{rel}: empty file")
            continue
        header = [h.strip() for h in rows[0]]
        if "id" not in header:
            problems.append(f"{rel}: no 'id' column in header {header}")
            continue
        col = header.index("id")
        seen = set()
        for lineno, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    f"{rel}:{lineno}: {len(row)} fields, header has {len(header)}"
                )
                continue
            value = row[col].strip()
            if not value:
                problems.append(f"{rel}:{lineno}: empty id")
            elif value in seen:
                problems.append(f"{rel}:{lineno}: duplicate id {value!r}")
            seen.add(value)
    assert not problems, "\n".join(problems)


def test_ci_run_installs_what_is_missing():
    """.ci/run installs Odoo with the shared installer, chromium with apt,
    the pinned test tools and the PostgreSQL role before the test command,
    and scripts/test.sh itself installs nothing."""
    text = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "shared/odoo18/install.sh" in text
    assert "apt-get install" in text and "chromium" in text
    assert "scripts/requirements-test.txt" in text
    assert "CREATE ROLE" in text
    assert text.index("install_prerequisites\n") < text.index(
        "exec bash scripts/test.sh"
    )
    test_sh = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    code = "\n".join(
        line
        for line in test_sh.splitlines()
        if not line.lstrip().startswith(("#", "missing", "say"))
    )
    assert "pip install" not in code and "apt-get install" not in code


def test_test_tool_pins_agree():
    """Dockerfile.test installs the same pinned tools as .ci/run."""
    pins = {
        line.strip()
        for line in (REPO / "scripts" / "requirements-test.txt")
        .read_text()
        .splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert len(pins) == 4 and all("==" in p for p in pins)
    dockerfile = (REPO / "Dockerfile.test").read_text(encoding="utf-8")
    for pin in pins:
        assert pin in dockerfile, f"Dockerfile.test does not pin {pin}"
