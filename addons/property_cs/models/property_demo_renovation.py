# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import Command, api, models


class PropertyDemo(models.AbstractModel):
    """Demo hook of the renovation deposits (called by
    demo/property_renovation_deposit_demo.xml only)."""

    _inherit = "property.demo"

    @api.model
    def _property_demo_renovation_deposits(self, project_xmlid):
        """Six permits of the demo project with their accounting: approved
        with the deposit awaiting payment; approved with the deposit held;
        accepted with a deduction, the refund due; closed with a full, a
        partial and a zero refund. Until the application and works demo
        permits exist, the states are set here directly."""
        project = self.env.ref(project_xmlid)
        self = self.with_context(lang=project.company_id._property_lang())
        Renovation = self.env["property.renovation"]
        units = (
            self.env["property.unit"]
            .search(
                [
                    ("project_id", "=", project.id),
                    ("use_type", "=", "residential"),
                    ("renovation_ids", "=", False),
                ],
                order="id",
            )
            .filtered(
                lambda u: u.current_link_ids.filtered(lambda link: link.role == "owner")
            )
        )
        if len(units) < 6:
            return False
        ref = self.env.ref
        scopes = [
            ref("property_cs.renovation_scope_walls")
            | ref("property_cs.renovation_scope_electrical"),
            ref("property_cs.renovation_scope_plumbing")
            | ref("property_cs.renovation_scope_waterproofing"),
            ref("property_cs.renovation_scope_floors"),
            ref("property_cs.renovation_scope_walls")
            | ref("property_cs.renovation_scope_waterproofing"),
            ref("property_cs.renovation_scope_air_conditioning"),
            ref("property_cs.renovation_scope_structure")
            | ref("property_cs.renovation_scope_walls"),
        ]
        today = self.env["property.unit.partner"]._property_today()
        bank = project.renovation_deposit_bank_journal_id
        permits = Renovation
        for unit, scope in zip(units[-6:], scopes, strict=True):
            owner = unit.current_link_ids.filtered(lambda link: link.role == "owner")[
                :1
            ].partner_id
            permit = Renovation.create(
                {
                    "unit_id": unit.id,
                    "applicant_id": owner.id,
                    "applicant_role": "owner",
                    "scope_ids": [Command.set(scope.ids)],
                    "date_start": today - timedelta(days=120),
                    "date_end": today - timedelta(days=30),
                    "neighbour_notice": True,
                }
            )
            permit._workflow_write({"state": "approved"})
            permit._renovation_on_approved()
            permits |= permit
        awaiting, held, accepted, full, partial, zero = permits
        for permit in permits[1:]:
            self.env["account.payment.register"].with_context(
                active_model="account.move",
                active_ids=(permit.deposit_move_id | permit.fee_move_id).ids,
            ).create({"journal_id": bank.id, "group_payment": False})._create_payments()
        evidence = self.env["ir.attachment"].create(
            {
                "name": "巡查记录.txt",
                "datas": base64.b64encode(
                    "电梯厅墙面被装修材料划伤，已拍照并由业主签字确认。".encode()
                ),
            }
        )
        Deduction = self.env["property.renovation.deduction"]
        deductions = [
            (accepted, "waste", "装修垃圾未按规定时间清运，物业代为清运", 200.0),
            (partial, "damage", "电梯厅墙面被装修材料划伤，修复费用", 350.0),
            (zero, "violation", "擅自拆改承重墙体，恢复原状及检测费用", 2000.0),
        ]
        for permit, category, reason, amount in deductions:
            Deduction.create(
                {
                    "renovation_id": permit.id,
                    "category": category,
                    "reason": reason,
                    "amount": amount,
                    "attachment_ids": [Command.set(evidence.ids)],
                }
            ).action_confirm()
        # a proposed deduction waits for finance on the accepted permit
        Deduction.create(
            {
                "renovation_id": accepted.id,
                "category": "other",
                "reason": "楼道公共照明开关损坏，待工程部核实",
                "amount": 80.0,
                "attachment_ids": [Command.set(evidence.ids)],
            }
        )
        for permit in accepted | full | partial | zero:
            permit._workflow_write({"state": "accepted"})
            permit._renovation_on_accepted()
            permit.deposit_refund_due = today - timedelta(days=1)
        (full | partial | zero).action_refund_deposit()
        Renovation._cron_renovation_refunds_due()
        self._property_demo_renovation_charge_earlier(project, permits, bank)
        return awaiting | held

    @api.model
    def _property_demo_renovation_charge_earlier(self, project, permits, bank):
        """The application and works demo permits were approved before the
        project's deposit settings existed: invoice their deposit and fee
        now, paid for the works that went on or ended."""
        earlier = self.env["property.renovation"].search(
            [
                ("project_id", "=", project.id),
                ("state", "in", ("approved", "stopped", "completion", "accepted")),
                ("deposit_move_id", "=", False),
                ("id", "not in", permits.ids),
            ]
        )
        for permit in earlier:
            deposit, fee = permit._renovation_charge_proposal()
            permit.write({"deposit_amount": deposit, "fee_amount": fee})
            permit._renovation_invoice_charges()
            moves = permit.deposit_move_id | permit.fee_move_id
            if moves and permit.state != "approved":
                self.env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=moves.ids
                ).create(
                    {"journal_id": bank.id, "group_payment": False}
                )._create_payments()
        return earlier
