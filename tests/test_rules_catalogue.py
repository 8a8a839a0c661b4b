# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rule codes stay out of what users read, and each addon's readme/RULES.md
names only methods and tests that exist.

(a) The domain codes (D-1 .. D-31 of the domain notes, "domain_standards A5",
    "ISO 10002", "GB/T 19012") belong in docstrings and comments. They must not
    appear in translation files (msgid and msgstr), in the labels, help texts,
    selection labels and messages of the Python sources, nor in the text and
    attributes of the XML files (views, templates, data, demo, security).
(b) readme/RULES.md references, in backticks (see its header):
    ``model.name.method_name``, ``path/in/addon.py::function`` or
    ``path/in/addon.py::Class.method``, and ``tests/test_x.py::TestClass::test_y``.
"""

import ast
import re
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
ADDONS = sorted(p.parent for p in (REPO / "addons").glob("*/__manifest__.py"))
ADDON_IDS = [p.name for p in ADDONS]

RULE_CODE = re.compile(
    r"\bD-[1-9]\d?\b|domain_standards|\bISO\s*10002\b|\bGB/T\s*19\d{3}\b"
)
# A text that is only a short code is a record's name (parking space "D-10").
RECORD_NAME = re.compile(r"\s*[A-Z]{1,3}\d?-\d+\s*")
# Python calls whose string arguments are shown to users.
MESSAGE_CALLS = {"_", "_lt"}
MESSAGE_KEYWORDS = {"string", "help", "placeholder", "selection", "body", "subject"}
ERROR_SUFFIXES = ("Error", "Warning")


def _rel(path):
    return path.relative_to(REPO).as_posix()


# ---------------------------------------------------------------- (a) codes


def _module_constants(tree):
    """Top-level ``NAME = <expr>`` assignments, so that ``help=METHOD_HELP``
    and ``selection=SCALES`` are followed to their strings."""
    consts = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    consts[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.value is not None:
                consts[node.target.id] = node.value
    return consts


def _strings(node, consts, seen=None):
    """Every str constant under ``node``, following module-level names."""
    seen = set() if seen is None else seen
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            yield sub.lineno, sub.value
        elif isinstance(sub, ast.Name) and sub.id in consts and sub.id not in seen:
            seen.add(sub.id)
            yield from _strings(consts[sub.id], consts, seen)


def _call_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def user_strings_in_python(source):
    """(line, text) of the user-visible strings of a Python source: the
    arguments of ``_()``/``self.env._()``/``_lt()`` and of exceptions, the
    positional arguments of ``fields.X(...)`` (label, selection), and the
    ``string=``, ``help=``, ``placeholder=``, ``selection=``, ``body=`` and
    ``subject=`` keywords. Docstrings and comments are not looked at."""
    tree = ast.parse(source)
    consts = _module_constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node.func)
        is_field = (
            isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "fields"
        )
        if name in MESSAGE_CALLS or name.endswith(ERROR_SUFFIXES) or is_field:
            for arg in node.args:
                found.extend(_strings(arg, consts))
        for keyword in node.keywords:
            if keyword.arg in MESSAGE_KEYWORDS:
                found.extend(_strings(keyword.value, consts))
    return found


def user_strings_in_xml(path):
    """(line, text) of every element text, tail and attribute value of an
    XML file; comments and processing instructions are skipped."""
    tree = etree.parse(str(path), etree.XMLParser(remove_comments=True))
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for text in (element.text, element.tail, *element.attrib.values()):
            if text and text.strip():
                found.append((element.sourceline, text))
    return found


def user_strings_in_po(path):
    import polib

    found = []
    for entry in polib.pofile(str(path)):
        texts = [entry.msgid, entry.msgid_plural, entry.msgstr]
        texts += list(entry.msgstr_plural.values())
        found.extend((entry.linenum, text) for text in texts if text)
    return found


def is_rule_code_text(text):
    return bool(RULE_CODE.search(text)) and not RECORD_NAME.fullmatch(text)


def _code_hits(pairs, rel):
    return [
        f"{rel}:{line}: {RULE_CODE.search(text).group(0)!r} in {text[:90]!r}"
        for line, text in sorted(set(pairs))
        if is_rule_code_text(text)
    ]


def rule_codes_shown_to_users(addon):
    hits = []
    for path in sorted(addon.rglob("*.py")):
        if "tests" in path.relative_to(addon).parts:
            continue
        pairs = user_strings_in_python(path.read_text(encoding="utf-8"))
        hits += _code_hits(pairs, _rel(path))
    for path in sorted(addon.rglob("*.xml")):
        hits += _code_hits(user_strings_in_xml(path), _rel(path))
    for path in sorted(addon.glob("i18n/*.po*")):
        hits += _code_hits(user_strings_in_po(path), _rel(path))
    return hits


def test_rule_code_pattern():
    """The pattern finds the codes and leaves ordinary text alone."""
    for text in (
        "(D-7)",
        "rule D-24.",
        "Hangzhou rule, domain_standards A5",
        "ISO 10002 receipt",
        "（D-7）",
        "，D-24",
    ):
        assert is_rule_code_text(text), text
    for text in ("DD-70", "ID-123456", "Building D-101", "A5 paper", "D-Day", "D-10"):
        assert not is_rule_code_text(text), text


def test_scanner_sees_python_labels_and_skips_docstrings():
    """The Python scanner reads labels, help, selections, messages and
    module constants, and ignores docstrings and comments."""
    source = '''
"""Module (D-1)."""
HELP = "Constant help (D-3)."
KINDS = [("a", "Kind (D-4)")]


class X:
    """Class (D-2)."""

    f = fields.Char("Label (D-5)", help=HELP)  # comment D-6
    g = fields.Selection(KINDS, string="Kind")
    h = fields.Integer(help="Plain help.")

    def m(self):
        """Method (D-7)."""
        raise UserError(self.env._("Error (D-8) %s", "x"))
'''
    texts = " ".join(text for _line, text in user_strings_in_python(source))
    for code in ("D-3", "D-4", "D-5", "D-8"):
        assert code in texts, code
    for code in ("D-1", "D-2", "D-6", "D-7"):
        assert code not in texts, code


def test_scanner_sees_xml_text_and_attributes(tmp_path):
    """The XML scanner reads texts and attributes and skips comments."""
    path = tmp_path / "v.xml"
    path.write_text(
        '<odoo><!-- D-1 --><record id="r"><field name="help">x (D-2)</field>'
        '<field name="arch" type="xml"><div placeholder="p (D-3)"/></field>'
        "</record></odoo>",
        encoding="utf-8",
    )
    texts = " ".join(text for _line, text in user_strings_in_xml(path))
    assert "D-2" in texts and "D-3" in texts and "D-1" not in texts


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_no_rule_codes_in_user_visible_text(addon):
    """Labels, help texts, selection labels, messages, mail and portal
    templates, views, data and demo, and the translations carry no rule
    codes: write the rule in plain words, keep the code in the docstring."""
    hits = rule_codes_shown_to_users(addon)
    assert not hits, f"{len(hits)} rule codes shown to users:\n" + "\n".join(hits)


# ---------------------------------------------------------- (b) RULES.md

REF = re.compile(r"`([^`\s]+)`")
TEST_REF = re.compile(r"^(tests/[\w/]+\.py)::(\w+)::(\w+)$")
FILE_REF = re.compile(r"^([\w/]+\.py)::(\w+)(?:\.(\w+))?$")
MODEL_REF = re.compile(r"^([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\.(\w+)$")
CODE_DIRS = ("models", "wizard", "controllers")


def _class_str_attr(cls, name):
    for stmt in cls.body:
        if (
            isinstance(stmt, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in stmt.targets)
            and isinstance(stmt.value, ast.Constant | ast.List | ast.Tuple)
        ):
            value = ast.literal_eval(stmt.value)
            return [value] if isinstance(value, str) else list(value)
    return []


def model_methods():
    """{model name: set of method names}, over the code of every addon of
    the repository, inherited models (mixins) included."""
    own, parents = {}, {}
    for addon in ADDONS:
        for folder in CODE_DIRS:
            for path in sorted((addon / folder).glob("*.py")):
                tree = ast.parse(path.read_text(encoding="utf-8"))
                for cls in ast.walk(tree):
                    if not isinstance(cls, ast.ClassDef):
                        continue
                    names = _class_str_attr(cls, "_name")
                    inherits = _class_str_attr(cls, "_inherit")
                    if not names and not inherits:
                        continue
                    model = names[0] if names else inherits[0]
                    methods = {
                        f.name
                        for f in cls.body
                        if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
                    }
                    own.setdefault(model, set()).update(methods)
                    parents.setdefault(model, set()).update(
                        m for m in inherits if m != model
                    )

    def resolve(model, seen):
        methods = set(own.get(model, ()))
        for parent in parents.get(model, ()):
            if parent not in seen:
                methods |= resolve(parent, seen | {parent})
        return methods

    return {model: resolve(model, {model}) for model in own}


def _function_in_file(path, name, method):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if method is None and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if node.name == name:
                return True
        if method is not None and isinstance(node, ast.ClassDef) and node.name == name:
            if any(
                isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
                and f.name == method
                for f in node.body
            ):
                return True
    return False


def _test_exists(path, cls_name, method):
    if not path.is_file():
        return False
    return _function_in_file(path, cls_name, method)


def check_rules_md(addon, text, methods_by_model):
    """The references of a RULES.md text that do not exist, and the number
    of references found (method or file, test)."""
    problems = []
    counts = {"method": 0, "test": 0}
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("|"):
            continue
        for ref in REF.findall(line):
            if match := TEST_REF.match(ref):
                counts["test"] += 1
                path, cls_name, method = match.groups()
                if not _test_exists(addon / path, cls_name, method):
                    problems.append(f"line {lineno}: no test {ref}")
            elif match := FILE_REF.match(ref):
                counts["method"] += 1
                path, name, method = match.groups()
                target = addon / path
                if not target.is_file() or not _function_in_file(target, name, method):
                    problems.append(f"line {lineno}: no function {ref}")
            elif match := MODEL_REF.match(ref):
                model, method = match.groups()
                if model not in methods_by_model and ref in methods_by_model:
                    continue  # a model's name, not a method
                counts["method"] += 1
                if model not in methods_by_model:
                    problems.append(f"line {lineno}: no model {model} for {ref}")
                elif method not in methods_by_model[model]:
                    problems.append(f"line {lineno}: no method {ref}")
    return problems, counts


def test_rules_md_checker_catches_missing_references():
    """The checker reports a method, a function and a test that do not exist."""
    addon = REPO / "addons" / "property_cs"
    methods = model_methods()
    text = (
        "| D-0 | x | `property.ticket` | `property.ticket.no_such_method` "
        "`property.tickets.action_done` `property.ticket.action_done` "
        "`models/property_ticket.py::no_such_function` "
        "`controllers/portal.py::PropertyCustomerPortal.no_such_route` "
        "| `tests/test_property_ticket.py::NoSuchClass::test_x` "
        "`tests/test_property_ticket.py::TestPropertyTicket::test_confirmation_flow`"
        " |\n"
    )
    problems, counts = check_rules_md(addon, text, methods)
    assert len(problems) == 5, problems
    assert counts == {"method": 5, "test": 2}


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_rules_md_references_exist(addon):
    """readme/RULES.md lists rules with methods and tests that exist."""
    path = addon / "readme" / "RULES.md"
    assert path.is_file(), f"missing {_rel(path)}"
    problems, counts = check_rules_md(
        addon, path.read_text(encoding="utf-8"), model_methods()
    )
    assert counts["method"] and counts["test"], f"{_rel(path)}: no references"
    assert not problems, f"{_rel(path)}:\n" + "\n".join(problems)
