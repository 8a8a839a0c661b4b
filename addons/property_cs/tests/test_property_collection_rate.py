# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyCsCommon

REPORT = "property_cs.property_project_report_collection_monthly"
NOV_25, DEC_25 = date(2025, 11, 1), date(2025, 12, 1)
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
FEB_END = date(2026, 2, 28)


@tagged("post_install", "-at_install")
class TestPropertyCollectionRate(PropertyCsCommon):
    """The collection rate (收缴率, D-21) computed by hand: fee bills in two
    years, partial and full payments in other months, a credit note
    matched to its bill, a paid service; the rate of several rows is the
    ratio of their sums; staff read their projects only; the monthly
    report prints the numbers.

    Project A (company currency), bill → payments:

    ====================  =======  ===================================
    fee 2025-11-10 (a1)   1000.00  400.00 on 2025-12-20, 600 2026-01-15
    fee 2025-12-05 (a2)    500.00  300.00 on 2026-02-10
    fee 2026-01-10 (a1)    800.00  800.00 on 2026-01-25
    fee 2026-01-10 (a2)    600.00  credit note 100.00 (2026-01-20),
                                   300.00 on 2026-02-12
    service 2026-02-03     200.00  200.00 on 2026-03-05
    ====================  =======  ===================================
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rate = cls.env["property.collection.rate"]
        Run = cls.env["property.billing.run"]
        runs = {
            month: Run.create({"project_id": cls.project_a.id, "period_start": month})
            for month in (NOV_25, DEC_25, JAN)
        }
        a1, a2 = cls.unit_a1, cls.unit_a2
        owner, tenant = cls.owner_a, cls.tenant_a
        cls.bill_nov = cls._bill(a1, owner, 1000.0, "2025-11-10", runs[NOV_25])
        cls.bill_dec = cls._bill(a2, tenant, 500.0, "2025-12-05", runs[DEC_25])
        cls.bill_jan1 = cls._bill(a1, owner, 800.0, "2026-01-10", runs[JAN])
        cls.bill_jan2 = cls._bill(a2, tenant, 600.0, "2026-01-10", runs[JAN])
        cls.refund = cls._bill(
            a2, tenant, 100.0, "2026-01-20", runs[JAN], move_type="out_refund"
        )
        cls.service = cls._bill(a1, owner, 200.0, "2026-02-03")
        # not fee bills: without unit or run, a draft
        cls._bill(False, owner, 700.0, "2026-01-05")
        cls._bill(a1, owner, 900.0, "2026-01-05", runs[JAN], post=False)
        # project B: billed, never paid
        cls.bill_b = cls._bill(cls.unit_b1, cls.owner_b, 300.0, "2026-01-05")

        cls._pay(cls.bill_nov, 400.0, "2025-12-20")
        cls._pay(cls.bill_nov, 600.0, "2026-01-15")
        cls._pay(cls.bill_jan1, 800.0, "2026-01-25")
        # the credit note is matched to its bill: not money received
        (cls.bill_jan2 | cls.refund).line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        ).reconcile()
        cls._pay(cls.bill_dec, 300.0, "2026-02-10")
        cls._pay(cls.bill_jan2, 300.0, "2026-02-12")
        cls._pay(cls.service, 200.0, "2026-03-05")

    @classmethod
    def _bill(
        cls, unit, payer, amount, day, run=False, move_type="out_invoice", post=True
    ):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": payer.id,
                "invoice_date": day,
                "invoice_date_due": day,
                "property_unit_id": unit and unit.id,
                "property_project_id": unit and unit.project_id.id,
                "property_billing_run_id": run and run.id,
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
    def _pay(cls, bill, amount, day):
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids
        ).create(
            {
                "payment_date": day,
                "amount": amount,
                "payment_difference_handling": "open",
            }
        )._create_payments()

    def _rows(self, project=None):
        """{(month, kind): (billed, current, arrears, rate)}."""
        rows = self.Rate.search([("project_id", "=", (project or self.project_a).id)])
        return {
            (row.date, row.kind): (
                row.billed,
                row.collected_current,
                row.collected_arrears,
                round(row.rate, 2),
            )
            for row in rows
        }

    def _group(self, domain, groupby, aggregate="rate:avg"):
        return {
            group: (billed, current, round(rate or 0.0, 2))
            for group, billed, current, rate in self.Rate._read_group(
                domain, [groupby], ["billed:sum", "collected_current:sum", aggregate]
            )
        }

    def test_rows(self):
        """Billed in the invoice month (credit note negative), collected in
        the payment month, this year's bills apart from earlier years'."""
        self.assertEqual(self.bill_jan2.amount_residual, 200.0)
        self.assertEqual(self.service.payment_state, "paid")
        self.assertEqual(
            self._rows(),
            {
                (NOV_25, "fee"): (1000.0, 0.0, 0.0, 0.0),
                # the November bill paid in December: same year
                (DEC_25, "fee"): (500.0, 400.0, 0.0, 80.0),
                # 800 + 600 - 100 billed; the rest of November is arrears
                (JAN, "fee"): (1300.0, 800.0, 600.0, 61.54),
                (FEB, "fee"): (0.0, 300.0, 300.0, 0.0),
                (FEB, "service"): (200.0, 0.0, 0.0, 0.0),
                (MAR, "service"): (0.0, 200.0, 0.0, 0.0),
            },
        )
        self.assertEqual(
            self._rows(self.project_b), {(JAN, "service"): (300.0, 0, 0, 0)}
        )
        row = self.Rate.search(
            [("project_id", "=", self.project_a.id), ("date", "=", JAN)]
        )
        self.assertEqual(
            (row.company_id, row.currency_id, row.period, row.collected),
            (self.company, self.company.currency_id, "2026-01", 1400.0),
        )

    def test_aggregated_rate(self):
        """The rate of a group is collected current over billed of the
        group, whatever aggregate the client asks for, never an average
        of the rows' rates."""
        mine = [("project_id", "=", self.project_a.id)]
        # 2026: 800 + 300 + 200 current of 1300 + 200 billed; the rows'
        # rates would average to (61.54 + 0 + 0 + 0) / 4
        expected = {
            date(2025, 1, 1): (1500.0, 400.0, 26.67),
            date(2026, 1, 1): (1500.0, 1300.0, 86.67),
        }
        for aggregate in ("rate:avg", "rate:sum", "rate:max"):
            self.assertEqual(
                self._group(mine, "date:year", aggregate), expected, aggregate
            )
        self.assertEqual(
            self._group(mine, "kind"),
            {"fee": (2800.0, 1500.0, 53.57), "service": (200.0, 200.0, 100.0)},
        )
        # the totals row of the pivot: all of project A
        [(rate,)] = self.Rate._read_group(mine, [], ["rate:avg"])
        self.assertEqual(round(rate, 2), 56.67)
        # what the pivot and the grouped list call
        groups = self.Rate.read_group(
            mine + [("date", ">=", JAN)], ["billed", "rate"], ["project_id"]
        )
        self.assertEqual(
            [(g["project_id"][0], g["billed"], round(g["rate"], 2)) for g in groups],
            [(self.project_a.id, 1500.0, 86.67)],
        )
        # a month without bills has no rate
        [(rate,)] = self.Rate._read_group(mine + [("date", "=", MAR)], [], ["rate:avg"])
        self.assertFalse(rate)

    def test_access_per_project(self):
        """Staff and finance of project A read its rows, staff of project
        B only B's, head office both; owners and department staff none."""
        rows_a = self.Rate.search([("project_id", "=", self.project_a.id)])
        for role in ("agent", "supervisor", "finance"):
            user = self.users[role]
            self.assertEqual(self.Rate.with_user(user).search([]), rows_a, role)
        agent_b = new_test_user(
            self.env,
            login="pcs_agent_rate_b",
            groups="property_cs.group_property_cs_agent",
        )
        agent_b.property_project_ids = [Command.link(self.project_b.id)]
        as_b = self.Rate.with_user(agent_b)
        self.assertFalse(as_b.search([("project_id", "=", self.project_a.id)]))
        self.assertFalse(
            as_b._read_group(
                [("project_id", "=", self.project_a.id)], [], ["billed:sum"]
            )[0][0]
        )
        self.assertEqual(as_b.search([]).project_id, self.project_b)
        head_office = self.Rate.with_user(self.users["head_office"])
        # (the demo data has a project of its own)
        both = self.project_a | self.project_b
        self.assertEqual(
            head_office.search([("project_id", "in", both.ids)]).project_id, both
        )
        for user in (self.portal_owner, self.users["department"]):
            with self.assertRaises(AccessError):
                self.Rate.with_user(user).search([])
        # the report follows the same rules
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(agent_b)._render_qweb_html(
                REPORT, self.project_a.ids, {"month": "2026-02-01"}
            )

    def test_menu_and_views(self):
        """Supervisors, finance and head office find the rate and the
        monthly report under Reporting (finance not the callback reports);
        the pivot puts projects against months."""
        menus = self.env.ref(
            "property_cs.property_collection_rate_menu"
        ) | self.env.ref("property_cs.property_collection_report_menu")
        callbacks = self.env.ref("property_cs.property_callback_menu_completion")
        Menu = self.env["ir.ui.menu"]
        for role in ("supervisor", "finance", "head_office"):
            visible = Menu.with_user(self.users[role])._visible_menu_ids()
            self.assertTrue(set(menus.ids) <= visible, role)
            self.assertEqual(callbacks.id in visible, role != "finance", role)
        for role in ("agent", "department"):
            visible = Menu.with_user(self.users[role])._visible_menu_ids()
            self.assertFalse(set(menus.ids) & visible, role)
        views = self.Rate.with_user(self.users["finance"]).get_views(
            [(False, "list"), (False, "pivot"), (False, "graph"), (False, "search")]
        )["views"]
        self.assertIn('name="project_id" type="row"', views["pivot"]["arch"])
        self.assertIn('name="this_year"', views["search"]["arch"])

    def test_monthly_report(self):
        """February 2026 of project A: 200 billed, 300 collected for this
        year's bills and 300 for arrears (rate 150 %), year to date 1100
        of 1500 (73.33 %); the arrears by building; the cases by step;
        the promises kept and broken in the month."""
        Case = self.env["property.collection.case"]
        case = Case.create(
            {
                "unit_id": self.unit_a2.id,
                "partner_id": self.tenant_a.id,
                "date_open": "2026-01-20",
            }
        )
        # a case closed before February is not counted
        Case.create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "date_open": "2025-12-01",
                "date_closed": "2026-01-31",
                "state": "closed",
                "close_reason": "paid",
            }
        )
        Attempt = self.env["property.collection.attempt"]
        with freeze_time("2026-02-02 02:00:00"):
            promises = Attempt.create(
                [
                    {
                        "case_id": case.id,
                        "step": "reminder",
                        "channel": "phone",
                        "outcome": "promised",
                        "promise_date": day,
                        "promise_amount": amount,
                    }
                    for day, amount in (("2026-02-10", 150.0), ("2026-02-20", 120.0))
                ]
            )
        # the first was kept, the second broken (set as the engine would)
        promises[0].promise_state = "kept"
        promises[1].promise_state = "broken"

        wizard = (
            self.env["property.collection.report.wizard"]
            .with_user(self.users["finance"])
            .with_context(
                active_model="property.project", active_ids=self.project_a.ids
            )
            .create({"month": "2026-02-17"})
        )
        self.assertEqual(wizard.project_ids, self.project_a)
        action = wizard.action_print()
        self.assertEqual(action["data"], {"month": "2026-02-01"})
        self.assertEqual(action["report_name"], "property_cs.report_collection_monthly")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["finance"])
            ._render_qweb_html(REPORT, self.project_a.ids, action["data"])[0]
            .decode()
        )
        self.assertIn("Osmanthus Garden", html)
        self.assertIn("2026-02", html)
        for css, amount in (
            ("o_billed", "200.00"),
            ("o_collected_current", "300.00"),
            ("o_collected_arrears", "300.00"),
            ("o_rate", "150.00"),
            ("o_ytd_billed", "1,500.00"),
            ("o_ytd_collected_current", "1,100.00"),
            ("o_ytd_collected_arrears", "900.00"),
            ("o_ytd_rate", "73.33"),
            # open at the end of February: 200 of December, 200 of
            # January (unit 102), the service bill paid on 5 March (101)
            ("o_arrears_total", "600.00"),
        ):
            cell = html.split(f'class="text-end {css}"')[1].split("</td>")[0]
            self.assertIn(amount, cell, css)
        self.assertIn("B1", html)
        cases = html.split("o_collection_monthly_cases")[1].split("</table>")[0]
        self.assertIn("Reminder Message", cases)
        self.assertNotIn("No step taken yet", cases)
        for css, count, amount in (
            ("o_promises_kept", 1, "150.00"),
            ("o_promises_broken", 1, "120.00"),
            ("o_promises_pending", 0, "0.00"),
        ):
            row = html.split(f'class="{css}"')[1].split("</tr>")[0]
            self.assertIn(f">{count}<", row, css)
            self.assertIn(amount, row, css)
        # last month by default; printed without the wizard too
        with freeze_time("2026-03-15"):
            self.assertEqual(
                self.env["property.collection.report.wizard"]._default_month(), FEB
            )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, self.project_a.ids)[0]
            .decode()
        )
        self.assertIn("Monthly Collection Report", html)

    def test_monthly_report_ages_at_month_end(self):
        """The arrears are aged at the end of the reported month, not today:
        at 28 February 2026 the December bill's 200.00 is 85 days past due
        and January's 200.00 49 days (31-90), the service bill's 200.00,
        paid on 5 March, 25 days (1-30); a bill of 2 March is not there
        yet. At 30 June the December rest is 207 days past due (181-365),
        January's 171 and the March bill's 150.00 120 (91-180), the
        service bill is paid. Today (the view) the service bill is paid
        too: it never shows in today's ageing."""
        self._bill(self.unit_a2, self.tenant_a, 150.0, "2026-03-02")
        Report = self.env["report.property_cs.report_collection_monthly"]
        building = self.building_a.display_name
        feb = Report._arrears_by_building(self.project_a, FEB_END)
        self.assertEqual(
            feb["rows"], [(building, [200.0, 400.0, 0.0, 0.0, 0.0], 600.0)]
        )
        self.assertEqual(feb["total"], 600.0)
        june = Report._arrears_by_building(self.project_a, date(2026, 6, 30))
        self.assertEqual(
            june["rows"], [(building, [0.0, 0.0, 350.0, 200.0, 0.0], 550.0)]
        )
        # the view ages the same items as of today: the service bill is
        # paid, the March bill is there
        today = self.env["property.receivable.aging"].search(
            [("project_id", "=", self.project_a.id), ("days_overdue", ">", 0)]
        )
        self.assertNotIn(self.service, today.move_id)
        self.assertEqual(sum(today.mapped("amount_residual")), 550.0)
        # the printed report says the date and the month-end figures
        html = (
            self.env["ir.actions.report"]
            .with_user(self.users["finance"])
            ._render_qweb_html(REPORT, self.project_a.ids, {"month": "2026-02-01"})[0]
            .decode()
        )
        arrears_date = html.split('class="o_arrears_date"')[1].split("</span>")[0]
        self.assertIn("02/28/2026", arrears_date)
        table = html.split("o_collection_monthly_arrears")[1].split("</table>")[0]
        self.assertIn("600.00", table)
        self.assertNotIn("550.00", table)
        # the month under way is aged today
        with freeze_time("2026-02-20 04:00:00"):
            values = Report._get_report_values(
                self.project_a.ids, {"month": "2026-02-01"}
            )
        self.assertEqual(values["arrears_date"], date(2026, 2, 20))
