# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import PropertyCsCommon

BUCKETS = ("not_due", "1_30", "31_90", "91_180", "181_365", "over_365")


@tagged("post_install", "-at_install")
class TestPropertyReceivableAging(PropertyCsCommon):
    """Aged receivables of the fee bills (D-21): amounts per bucket per
    unit, building and payer computed by hand; partial and full payments;
    staff of the project read their rows, others nothing, owners no
    access."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the view ages as of the database's date
        cls.env.cr.execute("SELECT CURRENT_DATE")
        cls.today = cls.env.cr.fetchone()[0]
        cls.building_a2 = cls.env["property.building"].create(
            {"name": "B2", "project_id": cls.project_a.id}
        )
        cls.unit_c1 = cls.env["property.unit"].create(
            {"name": "301", "building_id": cls.building_a2.id, "area": 80.0}
        )
        cls.owner_c = cls.env["res.partner"].create({"name": "Zhao Lei"})
        cls.Aging = cls.env["property.receivable.aging"]

        # (unit, payer, amount, days since the bill, days past due)
        cls.bill_not_due = cls._bill(cls.unit_a1, cls.owner_a, 100.0, 10, -5)
        cls.bill_10 = cls._bill(cls.unit_a1, cls.owner_a, 200.0, 40, 10)
        cls.bill_60 = cls._bill(cls.unit_a1, cls.owner_a, 300.0, 70, 60)
        cls.bill_paid = cls._bill(cls.unit_a1, cls.owner_a, 250.0, 30, 20)
        cls._bill(cls.unit_a2, cls.tenant_a, 50.0, 15, 0)  # due today
        cls._bill(cls.unit_a2, cls.tenant_a, 60.0, 45, 30)
        cls._bill(cls.unit_a2, cls.tenant_a, 70.0, 45, 31)
        cls._bill(cls.unit_a2, cls.tenant_a, 400.0, 150, 120)
        cls._bill(cls.unit_c1, cls.owner_c, 500.0, 300, 200)
        cls._bill(cls.unit_c1, cls.owner_c, 600.0, 500, 400)
        cls.bill_b = cls._bill(cls.unit_b1, cls.owner_b, 800.0, 50, 45)
        # not aged: a bill without unit, a draft bill
        cls._bill(False, cls.owner_a, 900.0, 100, 90)
        cls._bill(cls.unit_a1, cls.owner_a, 999.0, 100, 90, post=False)

        cls._pay(cls.bill_60, 120.0)
        cls._pay(cls.bill_paid)

    @classmethod
    def _bill(cls, unit, payer, amount, age, overdue, post=True):
        """A posted fee bill of ``amount`` dated ``age`` days ago and due
        ``overdue`` days ago."""
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": payer.id,
                "invoice_date": cls.today - timedelta(days=age),
                "invoice_date_due": cls.today - timedelta(days=overdue),
                "property_unit_id": unit and unit.id,
                "property_project_id": unit and unit.project_id.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Property service fee",
                            "quantity": 1.0,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, bill, amount=None):
        """Register a payment of the bill today (all of it by default)."""
        vals = {"payment_date": cls.today}
        if amount is not None:
            vals.update(amount=amount, payment_difference_handling="open")
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids
        ).create(vals)._create_payments()

    def _buckets(self, groupby, domain=None):
        """{group: (amount per bucket column..., amount due)}."""
        aggregates = [f"amount_{key}:sum" for key in BUCKETS]
        rows = self.Aging._read_group(
            [("project_id", "=", self.project_a.id)] if domain is None else domain,
            [groupby],
            aggregates + ["amount_residual:sum"],
        )
        return {row[0]: row[1:] for row in rows}

    def test_amounts_per_bucket(self):
        """Each open item lands in the bucket of its days past due; the
        columns add up per unit, building and payer; a partial payment
        leaves its rest, a paid bill, a bill without unit and a draft
        are not aged."""
        self.assertEqual(self.bill_60.amount_residual, 180.0)
        self.assertEqual(self.bill_paid.payment_state, "paid")
        #                    not due, 1-30, 31-90, 91-180, 181-365, >365, due
        a1 = (100.0, 200.0, 180.0, 0.0, 0.0, 0.0, 480.0)
        a2 = (50.0, 60.0, 70.0, 400.0, 0.0, 0.0, 580.0)
        c1 = (0.0, 0.0, 0.0, 0.0, 500.0, 600.0, 1100.0)
        self.assertEqual(
            self._buckets("unit_id"),
            {self.unit_a1: a1, self.unit_a2: a2, self.unit_c1: c1},
        )
        b1 = tuple(x + y for x, y in zip(a1, a2, strict=True))
        self.assertEqual(b1, (150.0, 260.0, 250.0, 400.0, 0.0, 0.0, 1060.0))
        self.assertEqual(
            self._buckets("building_id"),
            {self.building_a: b1, self.building_a2: c1},
        )
        self.assertEqual(
            self._buckets("partner_id"),
            {self.owner_a: a1, self.tenant_a: a2, self.owner_c: c1},
        )
        self.assertEqual(
            self._buckets("project_id", [])[self.project_b],
            (0.0, 0.0, 800.0, 0.0, 0.0, 0.0, 800.0),
        )
        # the selection groups the same amounts (pivot columns)
        by_bucket = dict(
            self.Aging._read_group(
                [("project_id", "=", self.project_a.id)],
                ["bucket"],
                ["amount_residual:sum"],
            )
        )
        self.assertEqual(
            by_bucket,
            {
                "not_due": 150.0,
                "1_30": 260.0,
                "31_90": 250.0,
                "91_180": 400.0,
                "181_365": 500.0,
                "over_365": 600.0,
            },
        )
        # days and boundaries: due today is not due, 30 days is 1-30
        rows = self.Aging.search([("unit_id", "=", self.unit_a2.id)])
        self.assertEqual(
            sorted((r.days_overdue, r.bucket, r.amount_residual) for r in rows),
            [
                (0, "not_due", 50.0),
                (30, "1_30", 60.0),
                (31, "31_90", 70.0),
                (120, "91_180", 400.0),
            ],
        )
        row = self.Aging.search([("move_id", "=", self.bill_60.id)])
        self.assertEqual(
            (row.partner_id, row.building_id, row.project_id, row.currency_id),
            (self.owner_a, self.building_a, self.project_a, self.company.currency_id),
        )
        self.assertEqual(row.date, self.today - timedelta(days=70))
        self.assertEqual(row.date_maturity, self.today - timedelta(days=60))
        self.assertFalse(self.Aging.search([("move_id", "=", self.bill_paid.id)]))
        self.assertFalse(self.Aging.search([("amount_residual", "in", (900, 999))]))

    def test_paying_removes_the_bill(self):
        """A payment shows at once (the journal items are written before
        the view is read); paying the rest takes the bill off the aging."""
        domain = [("move_id", "=", self.bill_10.id)]
        self.assertEqual(self.Aging.search(domain).amount_1_30, 200.0)
        self._pay(self.bill_10, 50.0)
        self.Aging.invalidate_model()  # the next request reads afresh
        self.assertEqual(self.Aging.search(domain).amount_1_30, 150.0)
        self._pay(self.bill_10)
        self.assertFalse(self.Aging.search(domain))
        self.assertEqual(self._buckets("unit_id")[self.unit_a1][-1], 280.0)

    def test_staff_of_the_project_only(self):
        """Agents, supervisors and finance of the project read its rows
        (RPC-like read), an agent of another project none of them, head
        office every project, owners nothing."""
        rows_a = self.Aging.search([("project_id", "=", self.project_a.id)])
        self.assertEqual(len(rows_a), 9)
        for role in ("agent", "supervisor", "finance"):
            user = self.users[role]
            records = self.Aging.with_user(user).search([])
            self.assertEqual(records, rows_a, role)
            values = records.with_user(user).read(["amount_residual", "move_id"])
            self.assertEqual(sum(v["amount_residual"] for v in values), 2160.0)
        agent_b = new_test_user(
            self.env,
            login="pcs_agent_rv",
            groups="property_cs.group_property_cs_agent",
        )
        agent_b.property_project_ids = [Command.link(self.project_b.id)]
        self.assertFalse(
            self.Aging.with_user(agent_b).search(
                [("project_id", "=", self.project_a.id)]
            )
        )
        self.assertEqual(self.Aging.with_user(agent_b).search([]).move_id, self.bill_b)
        head_office = self.Aging.with_user(self.users["head_office"])
        both = [("project_id", "in", (self.project_a | self.project_b).ids)]
        self.assertEqual(head_office.search_count(both), 10)
        for portal in (self.portal_owner, self.portal_owner_b):
            with self.assertRaises(AccessError):
                self.Aging.with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.Aging.with_user(self.users["department"]).search([])

    def test_open_the_bill(self):
        """Finance drills down to the invoice form; an agent, who does not
        read invoices, is told to ask finance."""
        row = self.Aging.search([("move_id", "=", self.bill_60.id)])
        action = row.with_user(self.users["finance"]).action_open_move()
        self.assertEqual(
            (action["res_model"], action["res_id"], action["views"][0][1]),
            ("account.move", self.bill_60.id, "form"),
        )
        with self.assertRaises(UserError):
            row.with_user(self.agent).action_open_move()

    def test_menu_and_views(self):
        """Finance, head office, agents and supervisors find the report
        under Fees (agents not the fee standards); the pivot groups
        buildings against the age for an agent."""
        menu = self.env.ref("property_cs.property_receivable_aging_menu")
        standards = self.env.ref("property_cs.property_fee_standard_menu")
        Menu = self.env["ir.ui.menu"]
        for role in ("agent", "supervisor", "finance", "head_office"):
            visible = Menu.with_user(self.users[role])._visible_menu_ids()
            self.assertIn(menu.id, visible, role)
            self.assertEqual(
                standards.id in visible, role in ("finance", "head_office"), role
            )
        department = Menu.with_user(self.users["department"])
        self.assertNotIn(menu.id, department._visible_menu_ids())
        Aging = self.Aging.with_user(self.agent)
        views = Aging.get_views(
            [(False, "list"), (False, "pivot"), (False, "graph"), (False, "search")]
        )
        self.assertIn('action="action_open_move"', views["views"]["list"]["arch"])
        groups = Aging.web_read_group(
            [("bucket", "=", "over_365")],
            ["amount_residual:sum"],
            ["building_id", "bucket"],
            lazy=False,
        )["groups"]
        self.assertEqual(
            [(g["building_id"][0], g["amount_residual"]) for g in groups],
            [(self.building_a2.id, 600.0)],
        )
