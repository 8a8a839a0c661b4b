# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PropertyCsCommon


@tagged("post_install", "-at_install")
class TestPropertyTicketBilling(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", cls.env.company.id)], limit=1
        ):
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.env.company, install_demo=False
            )
        cls.drain = cls.env["property.service.price"].create(
            {"name": "Unblock a drain", "price": 80.0, "unit_label": "per job"}
        )
        cls.ticket = cls.env["property.ticket"].create(
            {
                "name": "Kitchen drain blocked",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "is_paid_service": True,
            }
        )

    def test_agreed_price_from_price_list(self):
        """The agreed price sums listed services, labour and materials."""
        self.ticket.charge_ids = [
            Command.create({"service_price_id": self.drain.id}),
            Command.create(
                {
                    "line_type": "material",
                    "name": "Drain trap",
                    "quantity": 2,
                    "price_unit": 15.5,
                }
            ),
        ]
        line = self.ticket.charge_ids[0]
        self.assertEqual((line.name, line.price_unit), ("Unblock a drain", 80.0))
        self.assertEqual(self.ticket.amount_charged, 111.0)

    def test_invoice_to_owner(self):
        """The paid repair is billed to the owner through Odoo invoicing."""
        self.ticket.charge_ids = [
            Command.create({"service_price_id": self.drain.id}),
            Command.create(
                {"line_type": "labour", "name": "Extra hour", "price_unit": 50.0}
            ),
        ]
        agent = self.ticket.with_user(self.agent)
        agent.action_create_invoice()
        invoice = self.ticket.invoice_id
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.owner_a)
        self.assertEqual(invoice.invoice_origin, self.ticket.number)
        self.assertEqual(invoice.amount_untaxed, 130.0)
        self.assertEqual(len(invoice.invoice_line_ids), 2)
        # on the unit's account, with its fee bills
        self.assertEqual(invoice.property_unit_id, self.ticket.unit_id)
        self.assertEqual(invoice.property_project_id, self.ticket.project_id)
        with self.assertRaises(UserError):
            agent.action_create_invoice()

    def test_nothing_to_invoice(self):
        """No invoice without agreed charges or without a requester."""
        with self.assertRaises(UserError):
            self.ticket.action_create_invoice()
        self.ticket.charge_ids = [Command.create({"service_price_id": self.drain.id})]
        self.ticket.partner_id = False
        with self.assertRaises(UserError):
            self.ticket.action_create_invoice()
