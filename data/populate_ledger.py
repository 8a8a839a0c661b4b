# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The service fee's history at scale: bills and payments copied in SQL.

Billing a unit through the product's billing run and paying it through
Odoo's payment wizard costs about a tenth of a second each in the ORM
(``account.move`` create and post, the payment's entry, the
reconciliation: 89 ms a bill and 78 ms a payment measured on 2026-12-04),
nearly all of it Odoo's accounting, so the fee history of 100,000 units
alone would take five hours. Here, per project, the product's billing run
bills and Odoo's wizard pays two units through the ORM, one paid and one
left unpaid; every other unit whose bill has the same shape (one item, one
payer who is their own commercial partner, an amount in whole cents) gets
a copy of those rows, made in SQL with its own ids, numbers, payer, unit,
amount and line label: the bill, its lines, its follower, and for a paid
one the payment, its entry and lines, the reconciliation and the
payment's follower. The billing lines themselves are created through the
ORM from the product's own item computation. Everything else goes through
the ORM as before: a unit billed to several payers or that cannot be
billed (the product records why), a payer paying several bills at once
(one payment for them, its memo their numbers, see ``_pay``).

The copies hold the values the ORM writes, column for column, but for
their ids and the order of the numbers (bills and payments are numbered
in the order of the units; the wizard numbers payments in its own order):
``compare()`` bills and pays a project both ways, each in a transaction
rolled back, and lists every difference; tests/test_benchmark_smoke.py
fails on any.
"""

import re
import time
from collections import Counter, defaultdict
from decimal import Decimal

from psycopg2.extras import Json, execute_values

MONEY = ("numeric", "double precision")
# the rows of one bill (and of its payment), table by table, from its id
FAMILY = [
    ("account_move", "id = ANY(%(moves)s)"),
    ("account_move_line", "move_id = ANY(%(moves)s)"),
    ("account_payment", "id = ANY(%(payments)s)"),
    ("account_full_reconcile", "id = ANY(%(fulls)s)"),
    ("account_partial_reconcile", "id = ANY(%(partials)s)"),
    ("account_move__account_payment", "invoice_id = ANY(%(moves)s)"),
    (
        "mail_followers",
        "(res_model = 'account.move' AND res_id = ANY(%(moves)s))"
        " OR (res_model = 'account.payment' AND res_id = ANY(%(payments)s))",
    ),
    (
        "mail_followers_mail_message_subtype_rel",
        "mail_followers_id = ANY(%(followers)s)",
    ),
]


def bill_and_pay(env, run, cash, unpaid, copy=True):
    """Bill the queued ``run``'s units and pay their bills at the ``cash``
    journal, one payment per payer, but those of the units for which
    ``unpaid(unit)`` is true; the run's chunks are left done as its workers
    leave them. ``copy``: copy the bills of the same shape in SQL (see the
    module docstring); without it, every unit goes through the ORM: the
    run's chunks are billed by the product's workers and the bills paid by
    the wizard at once."""
    if not copy:
        return _bill_and_pay_orm(env, run, cash, unpaid)
    chunks = run.chunk_ids.sorted("id")
    worker = chunks[:1].with_context(**chunks[:1]._billing_mail_context())
    run = run.with_env(worker.env)
    units = chunks.unit_ids.sorted("id")
    ctx = run._billing_context(units)
    if ctx.get("adjusted"):  # a correction of the period exists: the ORM bills
        return _bill_and_pay_orm(env, run, cash, unpaid)
    plan, orm = {}, units.browse()
    for unit in units:
        try:
            items = run._unit_bill_items(unit, ctx, set())
        except Exception:  # pylint: disable=broad-exception-caught
            items = None  # the product records why, billing it below
        if items and _copyable(items):
            plan[unit] = items[0]
        elif items is None or items:
            orm |= unit
    _done, failed, moves = worker._bill_units(run, orm, ctx, set())
    paying = Counter(
        item["payer"] for unit, item in plan.items() if not unpaid(unit)
    ) + Counter(move.partner_id for move in moves if not unpaid(move.property_unit_id))
    paid = {u for u, i in plan.items() if not unpaid(u) and paying[i["payer"]] == 1}
    for copies, pay in (
        ([u for u in plan if u in paid], True),
        ([u for u in plan if u not in paid], False),
    ):
        if not copies:
            continue
        _done, bad, bill = worker._bill_units(run, copies[0], ctx, set())
        if not bill:  # the template failed (recorded): the ORM bills the rest
            others = units.browse([u.id for u in copies[1:]])
            _done, more, _moves = worker._bill_units(run, others, ctx, set())
            failed |= bad | more
            continue
        if pay:
            _pay(env, bill, cash, lambda unit: False)
        _copy_bills(env, run, bill, {u: plan[u] for u in copies[1:]})
    env.invalidate_all()
    _pay(
        env,
        _bills(env, run).filtered(lambda m: m.payment_state == "not_paid"),
        cash,
        unpaid,
    )
    for chunk in chunks:
        bad = chunk.unit_ids & failed
        chunk.write(
            {
                "state": "done",
                "date_done": env.cr.now(),
                "billed_count": len(chunk.unit_ids) - len(bad),
                "failed_count": len(bad),
            }
        )
    run._check_done()


def _bill_and_pay_orm(env, run, cash, unpaid):
    """Every unit through the ORM: the product's workers bill the run's
    chunks, the wizard pays the bills."""
    env["property.billing.chunk"]._work(float("inf"), commit=False)
    _pay(env, _bills(env, run), cash, unpaid)


def _copyable(items):
    """A unit's bill the copies can make: one item, its payer their own
    commercial partner, its amount in whole cents."""
    if len(items) != 1:
        return False
    item = items[0]
    payer = item["payer"]
    return (
        payer.commercial_partner_id == payer
        and round(item["amount"], 2) == item["amount"]
    )


def _bills(env, run):
    return env["account.move"].search(
        [("property_billing_run_id", "=", run.id), ("state", "=", "posted")], order="id"
    )


def _pay(env, bills, cash, unpaid):
    """Odoo's payment wizard: one payment per payer for the ``bills`` of the
    units not ``unpaid``. A payer of several bills pays them at once with
    their numbers as the memo: the wizard would number such a payment's
    memo from the company's gapless sequence, whose row stays locked until
    the transaction ends, and projects generated at once (``--jobs``) would
    fail on it."""
    to_pay = bills.filtered(lambda m: not unpaid(m.property_unit_id))
    by_payer = defaultdict(lambda: env["account.move"])
    for bill in to_pay:
        by_payer[bill.partner_id] |= bill
    single = env["account.move"].concat(
        *(paid for paid in by_payer.values() if len(paid) == 1)
    )
    batches = [(single, {})] + [
        (
            paid,
            {
                "communication": " ".join(
                    paid.sorted(lambda m: m.property_unit_id.id).mapped(
                        "payment_reference"
                    )
                )
            },
        )
        for paid in by_payer.values()
        if len(paid) > 1
    ]
    for paid, values in batches:
        if paid:
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=paid.ids
            ).create(
                {"group_payment": True, "journal_id": cash.id, **values}
            )._create_payments()


def _copy_bills(env, run, bill, plan):
    """Copy ``bill`` (with its payment, when paid) for each unit of ``plan``
    (unit -> its billing item): the billing lines through the ORM, the
    rest in SQL (see the module docstring)."""
    if not plan:
        return
    env.flush_all()
    cr = env.cr
    Line = env["property.billing.line"].sudo()
    lines = Line.create(
        [
            values
            for unit, item in plan.items()
            for values in run._billing_line_values(unit, [item])
        ]
    )
    lines.flush_recordset()  # its bill fields are set in SQL below
    family = _family(cr, bill)
    allocated = {
        table: _next_ids(cr, table, len(rows) * len(plan))
        for table, rows in family.items()
        if rows and "id" in rows[0]
    }
    names = {
        move["id"]: _numbers(cr, move, len(plan)) for move in family["account_move"]
    }
    template_move = next(m for m in family["account_move"] if m["id"] == bill.id)
    template_line = next(
        line
        for line in family["account_move_line"]
        if line["move_id"] == bill.id and line["display_type"] == "product"
    )
    amount0 = template_move["amount_total"]
    partner0 = env["res.partner"].browse(template_move["partner_id"])
    copies = []
    for index, (unit, line) in enumerate(zip(plan, lines, strict=True)):
        ids = {
            table: dict(
                zip(
                    (r["id"] for r in family[table]),
                    new[index :: len(plan)],
                    strict=True,
                )
            )
            for table, new in allocated.items()
        }
        payer = line.partner_id
        texts = {}
        fixed = {}
        for move in family["account_move"]:
            name, number = names[move["id"]][index]
            texts[move["name"]] = name
            fixed[("account_move", move["id"])] = {"sequence_number": number}
        fixed[("account_move_line", template_line["id"])] = {
            "name": line._invoice_label()
        }
        copies.append(
            _Copy(
                ids,
                (template_move["partner_id"], payer.id),
                (partner0.display_name, payer.display_name),
                {template_move["property_unit_id"]: unit.id},
                (amount0, Decimal(str(line.amount))),
                texts,
                fixed,
            )
        )
    later = {table for table, rows in family.items() if rows and "id" in rows[0]}
    updates = []
    for table, rows in family.items():
        if rows:
            updates += _insert(cr, table, rows, copies, later)
        later.discard(table)
    for table, column, pairs in updates:
        execute_values(
            cr,
            f'UPDATE {table} t SET "{column}" = v.ref FROM (VALUES %s) AS v(id, ref)'
            " WHERE t.id = v.id",
            pairs,
            page_size=1000,
        )
    # the billing lines point to their bill's line, as the product links them
    execute_values(
        cr,
        """UPDATE property_billing_line b SET move_line_id = v.line, move_id = v.move
             FROM (VALUES %s) AS v(id, line, move) WHERE b.id = v.id""",
        [
            (
                line.id,
                copy.ids["account_move_line"][template_line["id"]],
                copy.ids["account_move"][bill.id],
            )
            for line, copy in zip(lines, copies, strict=True)
        ],
    )
    # posting ranks the payer as a customer once per entry on its
    # receivable: the bill, and the payment's entry when paid
    per_copy = len(family["account_move"])
    execute_values(
        cr,
        """UPDATE res_partner p SET customer_rank = p.customer_rank + v.n
             FROM (VALUES %s) AS v(id, n) WHERE p.id = v.id""",
        [
            (partner, count * per_copy)
            for partner, count in sorted(
                Counter(line.partner_id.id for line in lines).items()
            )
        ],
    )
    env.invalidate_all()


def _family(cr, bill):
    """The rows of ``bill`` and of its payment, table by table (dicts)."""
    cr.execute(
        """SELECT p.id, p.move_id, r.id, r.full_reconcile_id
             FROM account_move_line l
             JOIN account_partial_reconcile r ON r.debit_move_id = l.id
             JOIN account_move_line pl ON pl.id = r.credit_move_id
             JOIN account_payment p ON p.id = pl.payment_id
            WHERE l.move_id = %s""",
        (bill.id,),
    )
    found = cr.fetchall()
    keys = {
        "moves": [bill.id] + [row[1] for row in found],
        "payments": [row[0] for row in found],
        "partials": [row[2] for row in found],
        "fulls": [row[3] for row in found if row[3]],
        "followers": [],
    }
    family = {}
    for table, where in FAMILY:
        cr.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY 1, 2", keys)
        columns = [d.name for d in cr.description]
        family[table] = [dict(zip(columns, row, strict=True)) for row in cr.fetchall()]
        if table == "mail_followers":
            keys["followers"] = [row["id"] for row in family[table]]
    return family


def _next_ids(cr, table, count):
    cr.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        (table, count),
    )
    return [row[0] for row in cr.fetchall()]


def _numbers(cr, move, count):
    """``count`` names and numbers following the last of ``move``'s
    journal and prefix, written as Odoo writes them."""
    cr.execute(
        """SELECT max(sequence_number) FROM account_move
            WHERE journal_id = %s AND sequence_prefix = %s""",
        (move["journal_id"], move["sequence_prefix"]),
    )
    last = cr.fetchone()[0]
    width = len(move["name"]) - len(move["sequence_prefix"])
    return [
        (f"{move['sequence_prefix']}{number:0{width}d}", number)
        for number in range(last + 1, last + 1 + count)
    ]


class _Copy:
    """What changes from the template's rows to one unit's copy."""

    def __init__(self, ids, partners, names, units, amounts, texts, fixed):
        self.ids = ids  # table -> {template id: copy's id}
        self.partners = dict([partners])  # the template's payer -> the copy's
        self.names = dict([names])  # the payer's name, where it is the whole text
        self.units = units
        self.amount0, self.amount = amounts
        self.fixed = fixed  # (table, template id) -> {column: value}
        self.texts = texts
        self.pattern = re.compile(
            "|".join(re.escape(t) for t in sorted(texts, key=len, reverse=True))
        )

    def row(self, table, row, columns):
        fixed = self.fixed.get((table, row.get("id")), {})
        return tuple(
            fixed[name] if name in fixed else self.value(table, name, kind, target, row)
            for name, kind, target in columns
        )

    def value(self, table, name, kind, target, row):
        value = row[name]
        if value is None:
            return None
        if name == "id":
            return self.ids[table][value]
        if target in self.ids and value in self.ids[target]:
            return self.ids[target][value]
        if target == "res_partner":
            return self.partners.get(value, value)
        if target == "property_unit":
            return self.units.get(value, value)
        if name == "res_id":  # a follower: the record of its model
            return self.ids[row["res_model"].replace(".", "_")][value]
        if name == "matching_number":  # the full reconcile's id, or P + partial's
            if value.startswith("P"):
                return f"P{self.ids['account_partial_reconcile'][int(value[1:])]}"
            return str(self.ids["account_full_reconcile"][int(value)])
        if kind in MONEY and value:
            if value == self.amount0:
                return self.amount
            if value == -self.amount0:
                return -self.amount
            return value
        if isinstance(value, dict | list):
            return Json(value)
        if isinstance(value, str):
            if value in self.names:
                return self.names[value]
            return self.pattern.sub(lambda m: self.texts[m.group(0)], value)
        return value


def _columns(cr, table):
    """(name, type, referenced table) of ``table``'s columns."""
    cr.execute(
        """SELECT a.attname, format_type(a.atttypid, a.atttypmod),
                  (SELECT t.relname FROM pg_constraint c
                     JOIN pg_class t ON t.oid = c.confrelid
                    WHERE c.conrelid = a.attrelid AND c.contype = 'f'
                      AND c.conkey = ARRAY[a.attnum] LIMIT 1)
             FROM pg_attribute a
            WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum""",
        (table,),
    )
    return [
        (name, "numeric" if kind.startswith("numeric") else kind, target)
        for name, kind, target in cr.fetchall()
    ]


def _insert(cr, table, rows, copies, later):
    """Insert the copies of ``table``'s template ``rows``; a reference to
    a table of the family not inserted yet (a payment's entry and the
    entry's payment point to each other) is left empty and set once both
    are in: ``later`` names those tables."""
    columns = _columns(cr, table)
    names = ", ".join(f'"{name}"' for name, _kind, _target in columns)
    values = [copy.row(table, row, columns) for copy in copies for row in rows]
    postponed = [
        index
        for index, (_name, _kind, target) in enumerate(columns)
        if target in later and target != table
    ]
    updates = []
    for index in postponed:
        pairs = [(row[0], row[index]) for row in values if row[index] is not None]
        if pairs:
            updates.append((table, columns[index][0], pairs))
    if postponed:
        values = [
            tuple(None if i in postponed else v for i, v in enumerate(row))
            for row in values
        ]
    execute_values(
        cr, f"INSERT INTO {table} ({names}) VALUES %s", values, page_size=1000
    )
    return updates


# ---------------------------------------------------------------------------
# the check: both ways, every column
# ---------------------------------------------------------------------------
def compare(registry, code, period_start, unpaid_share):
    """Bill and pay the units of project ``code`` for the month starting
    ``period_start`` through the ORM, then with the copies, each in its own
    transaction rolled back; returns the differences (an empty list when
    the copies hold what the ORM writes) and the seconds each way took."""
    import odoo  # noqa: PLC0415

    seen, seconds = [], []
    for copy in (False, True):
        with registry.cursor() as cr:
            env = odoo.api.Environment(
                cr, odoo.SUPERUSER_ID, {"tracking_disable": True}
            )
            project = env["property.project"].search([("code", "=", code)])
            cash = env["account.journal"].search(
                [("type", "=", "cash"), ("code", "=", f"C{code[3:]}")]
            )
            run = env["property.billing.run"].create(
                {"project_id": project.id, "period_start": period_start}
            )
            run.action_queue()
            start = time.monotonic()
            bill_and_pay(env, run, cash, lambda u: not u.id % unpaid_share, copy=copy)
            env.flush_all()
            seconds.append(time.monotonic() - start)
            seen.append(_snapshot(env, run))
            cr.rollback()
    orm, copied = seen
    differences = []
    for key in sorted(set(orm) | set(copied), key=str):
        a, b = orm.get(key), copied.get(key)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list) and key[0] != "bill":
            differences.extend(
                f"{key}: {x!r} != {y!r}" for x, y in zip(a, b, strict=False) if x != y
            )
            if len(a) != len(b):
                differences.append(f"{key}: {len(a)} rows != {len(b)}")
            continue
        if key[0] != "bill" or a is None or b is None or len(a) != len(b):
            differences.append(f"{key}: {_short(a)} != {_short(b)}")
            continue
        for (table, row_a), (_table, row_b) in zip(a, b, strict=True):
            differences.extend(
                f"{key} {table}.{col}: {row_a.get(col)!r} != {row_b.get(col)!r}"
                for col in sorted(set(row_a) | set(row_b))
                if row_a.get(col) != row_b.get(col)
            )
    return differences, seconds


def _short(value):
    text = repr(value)
    return text if len(text) < 300 else f"{text[:300]}..."


def _snapshot(env, run):
    """The run's rows, unit by unit, with the ids and numbers of the bills'
    families replaced by their place in the family."""
    cr = env.cr
    out = {}
    names = _bills(env, run).mapped("name")
    for bill in _bills(env, run):
        family = _family(cr, bill)
        labels = {}
        texts = {}
        for table, rows in family.items():
            for index, row in enumerate(rows):
                if "id" in row:
                    labels[(table, row["id"])] = f"{table}#{index}"
                if table == "account_move":
                    texts[row["name"]] = f"<{index}>"
        for other in names:  # the run's other bills (a memo of several)
            texts.setdefault(other, "<bill>")
        columns = {table: _columns(cr, table) for table in family}
        rows = [
            (table, _canonical(table, row, columns[table], labels, texts, run.id))
            for table, table_rows in family.items()
            for row in table_rows
        ]
        out[("bill", bill.property_unit_id.id)] = rows
    cr.execute(
        """SELECT unit_id, fee_type_id, partner_id, quantity, days, discount,
                  amount, move_line_id IS NOT NULL, move_id IS NOT NULL
             FROM property_billing_line WHERE run_id = %s ORDER BY unit_id""",
        (run.id,),
    )
    out["billing lines"] = cr.fetchall()
    cr.execute(
        "SELECT unit_id, message FROM property_billing_issue WHERE run_id = %s"
        " ORDER BY unit_id",
        (run.id,),
    )
    out["issues"] = cr.fetchall()
    out["chunks"] = [
        (c.state, c.billed_count, c.failed_count, len(c.unit_ids))
        for c in run.chunk_ids.sorted("id")
    ]
    out["run"] = run.state
    cr.execute(
        "SELECT id, customer_rank FROM res_partner WHERE customer_rank > 0 ORDER BY id"
    )
    out["customer ranks"] = cr.fetchall()
    return out


def _canonical(table, row, columns, labels, texts, run_id):
    """``row`` with the family's ids, numbers and names replaced by labels."""
    canon = {}
    for name, _kind, target in columns:
        value = row[name]
        if name in ("create_date", "write_date"):
            continue
        if name == "property_billing_run_id":
            value = value == run_id
        elif name == "id":
            value = labels[(table, value)]
        elif (target, value) in labels:
            value = labels[(target, value)]
        elif name == "res_id" and value is not None:
            value = labels[(row["res_model"].replace(".", "_"), value)]
        elif name in ("sequence_number", "matching_number"):
            value = value is not None
        elif isinstance(value, str):
            for text, label in texts.items():
                value = value.replace(text, label)
        canon[name] = value
    return canon


def main(argv=None):
    """``populate_ledger.py -d DB ... --compare POP02 --period 2026-06-01``:
    prints the differences between the ORM and the copies, exit 1 if any."""
    import argparse  # noqa: PLC0415
    import datetime  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--compare", required=True, metavar="PROJECT_CODE")
    parser.add_argument("--period", required=True, type=datetime.date.fromisoformat)
    parser.add_argument("--unpaid-share", type=int, default=10)
    args, odoo_args = parser.parse_known_args(argv)
    import odoo  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(config["db_name"])
    differences, seconds = compare(
        registry, args.compare, args.period, args.unpaid_share
    )
    for line in differences:
        print(line)
    print(
        f"{len(differences)} differences; the ORM took {seconds[0]:.1f} s,"
        f" the copies {seconds[1]:.1f} s"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    import sys  # noqa: PLC0415

    sys.exit(main())
