# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_property_billing import MARCH, PropertyBillingCommon


@tagged("post_install", "-at_install")
class TestPropertyDeveloperStatement(PropertyBillingCommon):
    """The developer's monthly statement (D-22): what was billed to the
    developer in the month by what it is for, its unpaid bills, sent in
    its language; prepared once a month for the project manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.manager_id = cls.manager
        cls.manager.property_project_ids = [Command.link(cls.project.id)]
        cls.march = cls._run_march()
        cls.work = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.developer.id,
                "invoice_date": "2026-03-20",
                "property_project_id": cls.project.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Repainting the lobby",
                            "quantity": 1,
                            "price_unit": 800.0,
                        }
                    )
                ],
            }
        )
        cls.work.action_post()
        cls.Statement = cls.env["property.developer.statement"]

    @classmethod
    def _run_march(cls):
        run = cls.Run.create({"project_id": cls.project.id, "period_start": MARCH})
        run.action_queue()
        cls.Chunk._cron_process_chunks()
        return run

    def test_statement_of_the_month(self):
        statement = self.Statement.create(
            {"project_id": self.project.id, "month": MARCH}
        )
        self.assertEqual(statement.partner_id, self.developer)
        developer_bills = self.env["account.move"].search(
            [("partner_id", "=", self.developer.id), ("state", "=", "posted")]
        )
        self.assertEqual(statement.move_ids, developer_bills)
        self.assertIn(self.work, statement.move_ids)
        self.assertAlmostEqual(
            statement.amount_month, sum(developer_bills.mapped("amount_total"))
        )
        self.assertAlmostEqual(statement.amount_outstanding, statement.amount_month)
        rows = {
            key: (items, total)
            for key, _label, items, total in statement._statement_rows()
        }
        self.assertEqual(set(rows), {"undelivered", "shared", "commissioned"})
        self.assertEqual({unit for unit, _t, _a in rows["undelivered"][0]}, {self.u2})
        self.assertEqual(rows["commissioned"][1], 800.0)
        self.assertAlmostEqual(
            sum(total for _items, total in rows.values()), statement.amount_month
        )
        # another month shows nothing billed but the bills still unpaid
        april = self.Statement.create(
            {"project_id": self.project.id, "month": "2026-04-01"}
        )
        self.assertFalse(april.move_ids)
        self.assertEqual(april.unpaid_move_ids, developer_bills)

    def test_printed_and_sent_in_chinese(self):
        self.developer.write({"lang": "zh_CN", "email": "finance@osmanthus.example"})
        statement = self.Statement.create(
            {"project_id": self.project.id, "month": MARCH}
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("property_cs.report_developer_statement", statement.ids)[
                0
            ]
            .decode()
        )
        self.assertIn("开发建设单位费用月结单", html)
        self.assertIn("未交付房屋", html)
        self.assertIn("Repainting the lobby", html)
        self.assertNotIn(self.owners[0].name, html)
        statement.with_user(self.manager).action_send()
        self.assertEqual(statement.state, "sent")
        message = statement.message_ids[0]
        self.assertEqual(message.partner_ids, self.developer)
        self.assertTrue(message.attachment_ids)

    def test_monthly_cron_once(self):
        with freeze_time("2026-04-02 03:00:00"):
            created = self.Statement._cron_monthly_statements()
            again = self.Statement._cron_monthly_statements()
        mine = created.filtered(lambda s: s.project_id == self.project)
        self.assertEqual(len(mine), 1)
        self.assertEqual(str(mine.month), "2026-03-01")
        self.assertFalse(again)
        self.assertEqual(mine.activity_ids.user_id, self.manager)

    def test_access(self):
        statement = self.Statement.create(
            {"project_id": self.project.id, "month": MARCH}
        )
        self.assertTrue(statement.with_user(self.manager).read(["amount_month"]))
        outsider = self.users["manager"].copy({"login": "statement_outsider"})
        outsider.property_project_ids = [Command.set([self.project_a.id])]
        with self.assertRaises(AccessError):
            statement.with_user(outsider).read(["amount_month"])
        with self.assertRaises(AccessError):
            self.Statement.with_user(self.portal_owner).search([])
