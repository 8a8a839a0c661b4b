# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime, timedelta

from odoo import Command

from .common import PropertyCsCommon

FILE = base64.b64encode(b"%PDF-1.4 quotation")
T0 = datetime(2026, 3, 2, 2, 0, 0)  # a Monday, 10:00 in Shanghai


def at(days=0, hours=0, minutes=0):
    return T0 + timedelta(days=days, hours=hours, minutes=minutes)


class FundregCommon(PropertyCsCommon):
    """Project A with its owners' committee (owner A a current member, the
    tenant a former one) and a vendor; project B with its own committee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Committee = cls.env["property.committee"]
        cls.committee_a = Committee.create(
            {
                "name": "OG Committee",
                "project_id": cls.project_a.id,
                "date_start": date(2024, 1, 1),
                "date_end": date(2028, 12, 31),
            }
        )
        cls.committee_b = Committee.create(
            {
                "name": "RV Committee",
                "project_id": cls.project_b.id,
                "date_start": date(2024, 1, 1),
            }
        )
        # committee members are owners of the project: the former member
        # (the tenant of A2) also owned A3 until she sold it
        cls.env["property.unit.partner"].create(
            {
                "unit_id": cls.unit_a3.id,
                "partner_id": cls.tenant_a.id,
                "role": "owner",
                "date_start": "2020-01-01",
                "date_end": "2025-06-30",
            }
        )
        Member = cls.env["property.committee.member"]
        Member.create(
            [
                {
                    "committee_id": cls.committee_a.id,
                    "partner_id": cls.owner_a.id,
                    "date_start": date(2024, 1, 1),
                },
                {
                    "committee_id": cls.committee_a.id,
                    "partner_id": cls.tenant_a.id,
                    "date_start": date(2024, 1, 1),
                    "date_end": date(2025, 6, 30),
                },
                {
                    "committee_id": cls.committee_b.id,
                    "partner_id": cls.owner_b.id,
                    "date_start": date(2024, 1, 1),
                },
            ]
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Hangzhou Pumps Co.", "is_company": True}
        )

    @classmethod
    def _attachment(cls, name="scan.pdf"):
        return cls.env["ir.attachment"].create(
            {"name": name, "datas": FILE, "mimetype": "application/pdf"}
        )

    def _quotation_vals(self, amount=18000.0, selected=True, vendor=None):
        return {
            "vendor_id": (vendor or self.vendor).id,
            "amount": amount,
            "selected": selected,
            "attachment_ids": [Command.set(self._attachment().ids)],
        }
