# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyNoticeAck(models.Model):
    """An owner, tenant or committee member confirmed in the portal that
    they read a notice that asks for it (issue 14)."""

    _name = "property.notice.ack"
    _description = "Notice Acknowledgement"
    _order = "date_ack desc, id desc"
    _rec_name = "partner_id"

    notice_id = fields.Many2one(
        "property.notice", required=True, index=True, ondelete="cascade", readonly=True
    )
    project_id = fields.Many2one(related="notice_id.project_id", store=True)
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Acknowledged By",
        required=True,
        index=True,
        readonly=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        readonly=True,
        help="The partner's unit among those the notice is addressed to.",
    )
    role = fields.Selection(
        [
            ("owner", "Owner"),
            ("tenant", "Tenant"),
            ("resident", "Resident"),
            ("committee", "Committee Member"),
        ],
        readonly=True,
    )
    date_ack = fields.Datetime(
        string="Acknowledged On",
        required=True,
        readonly=True,
        default=fields.Datetime.now,
    )

    _sql_constraints = [
        (
            "notice_partner_unique",
            "UNIQUE(notice_id, partner_id)",
            "A notice is acknowledged once per person.",
        )
    ]

    @api.model
    def _acknowledge(self, notice, partner):
        """Record that ``partner`` read ``notice``: the notice must be on
        display to them and ask for an acknowledgement; a second
        acknowledgement changes nothing. Returns the acknowledgement."""
        notice = notice.with_user(self.env.user)
        notice.check_access("read")
        notice = notice.sudo()
        if not notice.requires_ack:
            raise UserError(
                self.env._("This notice does not ask for an acknowledgement.")
            )
        if not notice.is_displayed:
            raise UserError(self.env._("This notice is no longer on display."))
        existing = self.sudo().search(
            [("notice_id", "=", notice.id), ("partner_id", "=", partner.id)], limit=1
        )
        if existing:
            return existing
        links = notice._audience_links().filtered(
            lambda link: link.partner_id == partner
        )
        link = links.sorted(lambda link: link.role_sequence)[:1]
        role = {
            "owner": "owner",
            "co_owner": "owner",
            "tenant": "tenant",
        }.get(link.role, "resident" if link else "committee")
        return self.sudo().create(
            {
                "notice_id": notice.id,
                "partner_id": partner.id,
                "unit_id": link.unit_id.id,
                "role": role,
            }
        )
