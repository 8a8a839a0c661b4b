# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..models.account_payment import amount_in_capitals
from .common import PropertyCsCommon

MARCH = date(2026, 3, 1)


class PropertyBillingCommon(PropertyCsCommon):
    """A project of six units: handed over or not, sold within March,
    rented to a tenant who pays, vacant with evidence, without owner; four
    fee standards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.developer = Partner.create({"name": "Osmanthus Development Co."})
        cls.project = cls.env["property.project"].create(
            {
                "name": "Billing Garden",
                "code": "BG",
                "developer_partner_id": cls.developer.id,
            }
        )
        cls.building = cls.env["property.building"].create(
            {"name": "T1", "project_id": cls.project.id}
        )
        Unit = cls.env["property.unit"]

        def unit(name, area, handover="2025-01-01", **vals):
            return Unit.create(
                dict(
                    name=name,
                    building_id=cls.building.id,
                    area=area,
                    date_handover=handover,
                    **vals,
                )
            )

        cls.u1 = unit("101", 100.0)
        cls.u2 = unit("102", 80.0, handover="2026-03-16")
        cls.u3 = unit("103", 120.0)
        cls.u4 = unit("104", 90.0)
        cls.u5 = unit("105", 60.0)
        cls.u6 = unit("106", 50.0)
        cls.u5.write(
            {
                "occupancy": "vacant",
                "date_vacant_since": "2025-06-01",
                "vacancy_evidence": "Water and power meters unchanged since June",
            }
        )
        cls.owners = Partner.create([{"name": f"Owner {i}"} for i in range(1, 7)])
        cls.tenant = Partner.create({"name": "Tenant Li"})
        Link = cls.env["property.unit.partner"]
        Link.create(
            [
                {
                    "unit_id": cls.u1.id,
                    "partner_id": cls.owners[0].id,
                    "role": "owner",
                    "date_start": "2025-01-01",
                },
                {
                    "unit_id": cls.u2.id,
                    "partner_id": cls.owners[1].id,
                    "role": "owner",
                    "date_start": "2026-03-16",
                },
                {
                    "unit_id": cls.u3.id,
                    "partner_id": cls.owners[2].id,
                    "role": "owner",
                    "date_start": "2025-01-01",
                    "date_end": "2026-03-10",
                },
                {
                    "unit_id": cls.u3.id,
                    "partner_id": cls.owners[3].id,
                    "role": "owner",
                    "date_start": "2026-03-11",
                },
                {
                    "unit_id": cls.u4.id,
                    "partner_id": cls.owners[4].id,
                    "role": "owner",
                    "date_start": "2025-01-01",
                },
                {
                    "unit_id": cls.u4.id,
                    "partner_id": cls.tenant.id,
                    "role": "tenant",
                    "date_start": "2026-01-01",
                    "pays_fees": True,
                },
                {
                    "unit_id": cls.u5.id,
                    "partner_id": cls.owners[5].id,
                    "role": "owner",
                    "date_start": "2025-01-01",
                },
            ]
        )
        cls.env["property.parking.space"].create(
            {"name": "P-001", "project_id": cls.project.id, "unit_id": cls.u1.id}
        )
        ref = cls.env.ref
        cls.service = ref("property_cs.property_fee_type_service")
        cls.parking = ref("property_cs.property_fee_type_parking")
        cls.shared = ref("property_cs.property_fee_type_shared_power")
        cls.waste = ref("property_cs.property_fee_type_waste")
        Standard = cls.env["property.fee.standard"]
        cls.std_service = Standard.create(
            {
                "project_id": cls.project.id,
                "fee_type_id": cls.service.id,
                "use_type": "residential",
                "rate": 2.5,
                "date_from": "2026-01-01",
                "approval_ref": "Price filing 2026-01",
                "vacancy_discount": 30.0,
            }
        )
        Standard.create(
            [
                {
                    "project_id": cls.project.id,
                    "fee_type_id": cls.parking.id,
                    "rate": 100.0,
                    "date_from": "2026-01-01",
                    "approval_ref": "Contract clause 7.2",
                },
                {
                    "project_id": cls.project.id,
                    "fee_type_id": cls.shared.id,
                    "shared_amount": 450.0,
                    "date_from": "2026-01-01",
                    "approval_ref": "Owners' meeting resolution 2025-12",
                },
                {
                    "project_id": cls.project.id,
                    "fee_type_id": cls.waste.id,
                    "rate": 10.0,
                    "date_from": "2026-01-01",
                    "approval_ref": "City waste fee notice",
                },
            ]
        )
        cls.Run = cls.env["property.billing.run"]
        cls.Chunk = cls.env["property.billing.chunk"]
        cls.Line = cls.env["property.billing.line"]
        cls.company.property_billing_chunk_size = 2

    def _finance_user(self, login, project):
        """A finance user of ``project``."""
        user = new_test_user(
            self.env, login=login, groups="property_cs.group_property_cs_finance"
        )
        user.property_project_ids = [Command.link(project.id)]
        return user

    def _run(self, month=MARCH):
        run = self.Run.create({"project_id": self.project.id, "period_start": month})
        run.action_queue()
        self.Chunk._cron_process_chunks()
        return run

    def _amounts(self, run, unit, fee_type):
        lines = run.line_ids.filtered(
            lambda line: line.unit_id == unit and line.fee_type_id == fee_type
        )
        return {line.partner_id.name: line.amount for line in lines}


@tagged("post_install", "-at_install")
class TestPropertyBilling(PropertyBillingCommon):
    """Fee standards and queued billing runs (D-21, D-22, E5, E8, F1-F3):
    the amounts, who pays, a unit that fails alone, re-runs that bill
    nothing twice, an interrupted chunk that resumes."""

    def test_amounts_and_payers(self):
        """Per m² × rate, per space, by area share and per unit; the
        developer before the handover, the seller and buyer around a
        transfer, the tenant who pays, a discount for a proven vacancy; a
        unit without owner fails alone."""
        run = self._run()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.unit_count, 6)
        self.assertEqual(len(run.chunk_ids), 3)
        self.assertEqual(self._amounts(run, self.u1, self.service), {"Owner 1": 250.0})
        self.assertEqual(self._amounts(run, self.u1, self.parking), {"Owner 1": 100.0})
        # 450 shared by 100 of 500 m²
        self.assertEqual(self._amounts(run, self.u1, self.shared), {"Owner 1": 90.0})
        self.assertEqual(self._amounts(run, self.u1, self.waste), {"Owner 1": 10.0})
        # handed over on the 16th: 15 of 31 days for the developer
        self.assertEqual(
            self._amounts(run, self.u2, self.service),
            {self.developer.name: 96.77, "Owner 2": 103.23},
        )
        # sold on the 10th: seller 10 days, buyer 21 days of 300.00
        self.assertEqual(
            self._amounts(run, self.u3, self.service),
            {"Owner 3": 96.77, "Owner 4": 203.23},
        )
        self.assertEqual(
            self._amounts(run, self.u4, self.service), {"Tenant Li": 225.0}
        )
        # vacant since June with evidence: 150.00 less 30 %
        self.assertEqual(self._amounts(run, self.u5, self.service), {"Owner 6": 105.0})
        # one bill per payer and unit, posted, with the project and unit
        bills = self.env["account.move"].search(
            [("property_billing_run_id", "=", run.id)]
        )
        self.assertEqual(len(bills), 7)
        self.assertEqual(set(bills.mapped("state")), {"posted"})
        u2_bills = bills.filtered(lambda m: m.property_unit_id == self.u2)
        self.assertEqual(u2_bills.partner_id, self.developer | self.owners[1])
        u1_bill = bills.filtered(lambda m: m.property_unit_id == self.u1)
        self.assertEqual(u1_bill.amount_total, 450.0)
        self.assertEqual(len(u1_bill.invoice_line_ids), 4)
        self.assertEqual(set(u1_bill.line_ids.mapped("property_unit_id")), {self.u1})
        self.assertEqual(run.invoice_count, 7)
        # the unit without an owner is an error of the run, the rest billed
        issue = run.issue_ids
        self.assertEqual(issue.unit_id, self.u6)
        self.assertIn("no owner", issue.message)
        self.assertFalse(run.line_ids.filtered(lambda line: line.unit_id == self.u6))

    def test_rerun_and_retry(self):
        """A second run of the month bills nothing twice; the database
        refuses a duplicate; the failed unit is billed on a retry once its
        owner is recorded."""
        first = self._run()
        second = self._run()
        self.assertFalse(second.line_ids.filtered(lambda line: line.unit_id != self.u6))
        self.assertEqual(second.invoice_count, 0)
        line = first.line_ids[0]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                line.copy({"run_id": second.id})
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.u6.id,
                "partner_id": self.owners[0].id,
                "role": "owner",
                "date_start": "2025-01-01",
            }
        )
        first.action_retry()
        self.Chunk._cron_process_chunks()
        self.assertEqual(first.issue_ids.state, "resolved")
        self.assertEqual(
            self._amounts(first, self.u6, self.service), {"Owner 1": 125.0}
        )
        self.assertEqual(first.state, "done")

    def test_interrupted_chunk_resumes(self):
        """A worker that dies mid-chunk commits nothing: the chunk is
        pending again and the next worker bills it once."""
        run = self.Run.create({"project_id": self.project.id, "period_start": MARCH})
        run.action_queue()
        with self.assertRaises(RuntimeError):
            with self.cr.savepoint():
                chunk = self.Chunk._claim()
                chunk._process()
                raise RuntimeError("worker killed")
        self.env.invalidate_all()
        self.assertEqual(set(run.chunk_ids.mapped("state")), {"pending"})
        self.assertFalse(run.line_ids)
        self.Chunk._cron_process_chunks()
        self.assertEqual(len(run.line_ids.filtered(lambda x: x.unit_id == self.u1)), 4)

    def test_bill_not_posted_fails_its_unit_alone(self):
        """The bills of a chunk are posted together; when that fails, the
        chunk is billed again unit by unit and only the unit whose bill
        cannot be posted fails, with nothing of it kept and no gap in the
        bill numbers. Bills are created without chatter; the payer
        follows them."""
        Move = self.env.registry["account.move"]
        post = Move._post

        def _post(moves, soft=True):
            if self.u3 in moves.property_unit_id:
                raise UserError(self.env._("The bill of unit 3 cannot be posted."))
            return post(moves, soft)

        with (
            patch.object(Move, "_post", _post),
            mute_logger("odoo.addons.property_cs.models.property_billing_chunk"),
        ):
            run = self._run()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.issue_ids.unit_id, self.u3 | self.u6)
        issue = run.issue_ids.filtered(lambda i: i.unit_id == self.u3)
        self.assertIn("cannot be posted", issue.message)
        self.assertFalse(run.line_ids.filtered(lambda line: line.unit_id == self.u3))
        bills = self.env["account.move"].search(
            [("property_billing_run_id", "=", run.id)]
        )
        self.assertEqual(len(bills), 5)
        self.assertEqual(set(bills.mapped("state")), {"posted"})
        self.assertFalse(bills.filtered(lambda m: m.property_unit_id == self.u3))
        numbers = sorted(bills.mapped("sequence_number"))
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 5)))
        u4_bill = bills.filtered(lambda m: m.property_unit_id == self.u4)
        self.assertIn(u4_bill.partner_id, u4_bill.message_partner_ids)
        self.assertNotIn(self.env.user.partner_id, u4_bill.message_partner_ids)

    def test_cycles_and_versions(self):
        """A quarterly fee is billed in the first month of the quarter for
        three months; a new rate from mid-month is prorated by day; two
        versions never overlap."""
        self.std_service.date_to = "2026-03-15"
        self.env["property.fee.standard"].create(
            {
                "project_id": self.project.id,
                "fee_type_id": self.service.id,
                "use_type": "residential",
                "rate": 3.1,
                "date_from": "2026-03-16",
                "approval_ref": "Price filing 2026-03",
            }
        )
        with self.assertRaises(ValidationError):
            self.env["property.fee.standard"].create(
                {
                    "project_id": self.project.id,
                    "fee_type_id": self.service.id,
                    "use_type": "residential",
                    "rate": 4.0,
                    "date_from": "2026-03-20",
                    "approval_ref": "Overlap",
                }
            )
        run = self._run()
        # 100 m² × (2.5 × 15 + 3.1 × 16) / 31 = 280.97
        self.assertEqual(self._amounts(run, self.u1, self.service), {"Owner 1": 280.97})
        self.env["property.fee.standard"].search(
            [
                ("fee_type_id", "=", self.parking.id),
                ("project_id", "=", self.project.id),
            ]
        ).cycle = "3"
        april = self._run(date(2026, 4, 1))
        parking = april.line_ids.filtered(lambda line: line.fee_type_id == self.parking)
        self.assertEqual(parking.amount, 300.0)
        self.assertEqual(
            (parking.period_start, parking.period_end),
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        may = self._run(date(2026, 5, 1))
        self.assertFalse(
            may.line_ids.filtered(lambda line: line.fee_type_id == self.parking)
        )

    def test_queue_refusals_and_access(self):
        """A run bills a month from its first day, needs fee standards and
        is queued once; only finance of the project and head office read
        runs, also over RPC."""
        with self.assertRaises(UserError):
            self.Run.create(
                {"project_id": self.project.id, "period_start": "2026-03-05"}
            )
        empty = self.Run.create(
            {"project_id": self.project_b.id, "period_start": MARCH}
        )
        with self.assertRaises(UserError):
            empty.action_queue()
        run = self._run()
        with self.assertRaises(UserError):
            run.action_queue()
        finance_b = self._finance_user("pcs_finance_b", self.project_b)
        finance = self._finance_user("pcs_finance_bg", self.project)
        self.assertEqual(self.Run.with_user(finance).search([]), run)
        self.assertFalse(self.Run.with_user(finance_b).search([("id", "=", run.id)]))
        self.assertTrue(self.Line.with_user(finance).search_count([]))
        with self.assertRaises(AccessError):
            self.Run.with_user(self.agent).search([])
        with self.assertRaises(AccessError):
            self.Run.with_user(self.portal_owner).search([])
        with self.assertRaises(AccessError):
            self.Line.with_user(finance).browse(run.line_ids[0].id).write({"amount": 1})

    def test_fee_notice_in_chinese(self):
        """A fee bill prints as a fee notice (收费通知单) naming the unit, in
        the payer's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        run = self._run()
        bill = run.line_ids.filtered(lambda line: line.unit_id == self.u1).move_id
        bill.partner_id.lang = "zh_CN"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.account_invoices", bill.ids)[0]
            .decode()
        )
        self.assertIn("收费通知单", html)
        self.assertIn(self.u1.complete_name, html)
        other = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.owners[0].id,
                "invoice_line_ids": [
                    Command.create({"name": "Key copy", "price_unit": 20.0})
                ],
            }
        )
        other.action_post()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("account.account_invoices", other.ids)[0]
            .decode()
        )
        self.assertNotIn("收费通知单", html)


@tagged("post_install", "-at_install")
class TestPropertyFapiao(HttpCase):
    """Owners ask for the fapiao of their fee bill in the portal; finance
    records the number (digital fapiao: 20 digits); nobody asks for a
    bill that is not theirs."""

    def _bill(self, partner):
        project = self.env.ref("property_cs.demo_project_ghy")
        return self.env["account.move"].search(
            [
                ("property_project_id", "=", project.id),
                ("partner_id", "=", partner.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
            ],
            limit=1,
        )

    def test_request_and_record(self):
        owner_user = self.env.ref("property_cs.demo_user_owner1")
        bill = self._bill(owner_user.partner_id)
        self.assertTrue(bill, "the demo bills the owner's unit")
        other = self.env["account.move"].search(
            [
                ("property_billing_run_id", "!=", False),
                ("partner_id", "!=", owner_user.partner_id.id),
            ],
            limit=1,
        )
        self.authenticate(owner_user.login, "demo2026")
        page = self.url_open(f"/my/invoices/{bill.id}")
        self.assertIn('id="property_fapiao"', page.text)
        csrf = http.Request.csrf_token(self)
        response = self.url_open(
            f"/my/invoices/{bill.id}/fapiao",
            data={"csrf_token": csrf, "title": "", "tax_number": ""},
        )
        self.assertEqual(bill.property_fapiao_state, "none")
        self.assertIn("alert-danger", response.text)
        self.url_open(
            f"/my/invoices/{bill.id}/fapiao",
            data={
                "csrf_token": csrf,
                "title": "杭州某某科技有限公司",
                "tax_number": "91330106MA2AXXXX1X",
            },
        )
        self.assertEqual(bill.property_fapiao_state, "requested")
        self.assertEqual(bill.property_fapiao_title, "杭州某某科技有限公司")
        # another owner's bill: refused, unchanged
        self.url_open(
            f"/my/invoices/{other.id}/fapiao",
            data={"csrf_token": csrf, "title": "Me"},
        )
        self.assertEqual(other.property_fapiao_state, "none")
        # finance records it: a wrong number is refused
        finance = self.env.ref("property_cs.demo_user_finance")
        Wizard = self.env["property.fapiao.record"].with_user(finance)
        with self.assertRaises(ValidationError):
            Wizard.create(
                {"move_id": bill.id, "number": "1234", "date": "2026-11-05"}
            ).action_confirm()
        Wizard.create(
            {"move_id": bill.id, "number": "26332000000012345678", "date": "2026-11-05"}
        ).action_confirm()
        self.assertEqual(bill.property_fapiao_state, "issued")
        page = self.url_open(f"/my/invoices/{bill.id}")
        self.assertIn("26332000000012345678", page.text)
        with self.assertRaises(AccessError):
            self.env["property.fapiao.record"].with_user(owner_user).create(
                {
                    "move_id": bill.id,
                    "number": "26332000000012345679",
                    "date": "2026-11-05",
                }
            )

    def test_portal_isolation(self):
        """An owner's portal lists their own fee bills only and refuses
        another payer's bill; a tenant who does not pay sees no fee bill."""
        owner_user = self.env.ref("property_cs.demo_user_owner1")
        mine = self.env["account.move"].search(
            [
                ("property_billing_run_id", "!=", False),
                ("partner_id", "=", owner_user.partner_id.id),
            ]
        )
        theirs = self.env["account.move"].search(
            [
                ("property_billing_run_id", "!=", False),
                ("partner_id", "!=", owner_user.partner_id.id),
            ],
            limit=1,
        )
        self.assertTrue(mine and theirs)
        self.authenticate(owner_user.login, "demo2026")
        listing = self.url_open("/my/invoices").text
        self.assertIn(mine[0].name, listing)
        self.assertNotIn(theirs.name, listing)
        response = self.url_open(f"/my/invoices/{theirs.id}", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn(theirs.name, response.text)
        tenant = self.env.ref("property_cs.demo_user_tenant1")
        self.assertFalse(
            self.env["account.move"].search_count(
                [
                    ("property_billing_run_id", "!=", False),
                    ("partner_id", "=", tenant.partner_id.id),
                ]
            )
        )
        self.authenticate(tenant.login, "demo2026")
        listing = self.url_open("/my/invoices").text
        # the bills of the unit the tenant rents go to its owner
        unit_bills = self.env["account.move"].search(
            [
                ("property_unit_id", "in", tenant.partner_id.unit_link_ids.unit_id.ids),
                ("property_billing_run_id", "!=", False),
            ]
        )
        self.assertTrue(unit_bills)
        for bill in unit_bills:
            self.assertNotIn(bill.name, listing)

    def test_unit_page_shows_own_fees(self):
        """The unit page shows the viewer's own bills of the unit, what they
        owe and paid ahead, with a link to pay each unpaid bill; a tenant
        who does not pay sees none of the owner's bills."""
        owner_user = self.env.ref("property_cs.demo_user_owner1")
        partner = owner_user.partner_id
        mine = self.env["account.move"].search(
            [("property_billing_run_id", "!=", False), ("partner_id", "=", partner.id)]
        )
        unit = mine[:1].property_unit_id
        others = self.env["account.move"].search(
            [
                ("property_unit_id", "!=", unit.id),
                ("property_billing_run_id", "!=", False),
            ],
            limit=1,
        )
        self.authenticate(owner_user.login, "demo2026")
        page = self.url_open(f"/my/units/{unit.id}").text
        self.assertIn("o_property_cs_fee_bills", page)
        for bill in mine.filtered(lambda m: m.property_unit_id == unit):
            self.assertIn(bill.name, page)
        self.assertNotIn(others.name, page)
        owed, prepaid = unit._property_balance(partner)
        self.assertIn(f"{owed:,.2f}", page)
        tenant = self.env.ref("property_cs.demo_user_tenant1")
        rented = tenant.partner_id.unit_link_ids.unit_id[:1]
        self.authenticate(tenant.login, "demo2026")
        page = self.url_open(f"/my/units/{rented.id}").text
        self.assertIn("o_property_cs_fees", page)
        self.assertNotIn("o_property_cs_fee_bills", page)


@tagged("post_install", "-at_install")
class TestPropertyReceipt(PropertyBillingCommon):
    """A payment at the front desk prints as a receipt in Chinese with the
    amount in capitals and the bills and unit it pays."""

    def test_amount_in_capitals(self):
        cases = {
            1234.56: "壹仟贰佰叁拾肆元伍角陆分",
            100: "壹佰元整",
            1005.07: "壹仟零伍元零柒分",
            100000.5: "壹拾万元伍角整",
            10010: "壹万零壹拾元整",
            1000001: "壹佰万零壹元整",
            105000000: "壹亿零伍佰万元整",
            0.05: "伍分",
        }
        for amount, words in cases.items():
            self.assertEqual(amount_in_capitals(amount), words, amount)
        self.assertEqual(
            amount_in_capitals(1234.56, "zh_TW"), "壹仟貳佰參拾肆元伍角陸分"
        )

    def test_receipt_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        run = self._run()
        bill = run.line_ids.filtered(lambda line: line.unit_id == self.u1).move_id
        bill.partner_id.lang = "zh_CN"
        journal = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.company.id)], limit=1
        )
        payment = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=bill.ids)
            .create({"journal_id": journal.id})
            ._create_payments()
        )
        self.assertEqual(bill.payment_state in ("paid", "in_payment"), True)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_cs.account_payment_report_receipt", payment.ids
            )[0]
            .decode()
        )
        self.assertIn("收据", html)
        self.assertIn("肆佰伍拾元整", html)
        self.assertIn(bill.name, html)
        self.assertIn(self.u1.complete_name, html)
