# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date


class PropertyRenovationExtension(models.Model):
    """A request to move the end of the works (D-20), from the applicant
    in the portal or from the desk, with its reason. The project manager
    approves it (the permit's extended end date changes, tracked) or
    refuses it with a reason."""

    _name = "property.renovation.extension"
    _description = "Renovation Extension"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)

    renovation_id = fields.Many2one(
        "property.renovation",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', 'in', ('approved', 'stopped'))]",
    )
    unit_id = fields.Many2one(related="renovation_id.unit_id", store=True)
    project_id = fields.Many2one(
        related="renovation_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    date_end_current = fields.Date(
        string="Current End", related="renovation_id.date_end_effective"
    )
    date_end_requested = fields.Date(
        string="Requested End", required=True, tracking=True
    )
    reason = fields.Text(required=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Requested By",
        default=lambda self: self.env.user.partner_id,
    )
    channel = fields.Selection(
        [("desk", "Service Desk"), ("portal", "Owners' Portal")],
        default="desk",
        readonly=True,
    )
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        readonly=True,
        tracking=True,
    )
    refuse_reason = fields.Text(string="Reason for Refusal", tracking=True)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_decided = fields.Datetime(string="Decided On", readonly=True, copy=False)

    @api.depends("renovation_id.name", "date_end_requested")
    def _compute_display_name(self):
        for extension in self:
            extension.display_name = (
                f"{extension.renovation_id.name or ''} → "
                f"{extension.date_end_requested or ''}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        """A request is a to-do for the project manager."""
        extensions = super().create(vals_list)
        for extension in extensions:
            manager = extension.project_id.manager_id
            if manager:
                extension.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=extension.renovation_id._company_env()._(
                        "Decide the extension"
                    ),
                    user_id=manager.id,
                )
        return extensions

    @api.constrains("date_end_requested")
    def _check_date_end_requested(self):
        for extension in self:
            if extension.state != "requested":
                continue
            current = (
                extension.renovation_id.date_end_effective
                or extension.renovation_id.date_start
            )
            if current and extension.date_end_requested <= current:
                raise ValidationError(
                    self.env._("The new end date must be after the current end date.")
                )

    def _check_decision(self):
        for extension in self:
            if extension.state != "requested":
                raise UserError(self.env._("This extension is already decided."))
            if not self.env["property.renovation"]._is_project_manager(
                extension.project_id
            ):
                raise UserError(
                    self.env._("Only the project manager decides an extension.")
                )

    def _decide(self, state):
        self.sudo().write(
            {
                "state": state,
                "decided_by_id": self.env.uid,
                "date_decided": fields.Datetime.now(),
            }
        )
        self.activity_ids.sudo().action_feedback()

    def action_approve(self):
        """The project manager approves: the permit's end moves (tracked)."""
        self._check_decision()
        for extension in self:
            renovation = extension.renovation_id
            if renovation.state not in ("approved", "stopped"):
                raise UserError(self.env._("Only works under way can be extended."))
            renovation.sudo().date_end_extended = extension.date_end_requested
            extension._decide("approved")
            extension.message_post(
                body=extension.renovation_id._company_env()._(
                    "Extension approved: the works may go on until %(date)s.",
                    date=format_date(
                        extension.renovation_id._company_env(),
                        extension.date_end_requested,
                    ),
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=extension.partner_id.ids,
            )
        return True

    def action_refuse(self):
        """The project manager refuses, with the reason."""
        self._check_decision()
        for extension in self:
            if not (extension.refuse_reason or "").strip():
                raise UserError(self.env._("Give the reason for the refusal."))
            extension._decide("refused")
            extension.message_post(
                body=extension.renovation_id._company_env()._(
                    "Extension refused: %(reason)s",
                    reason=extension.refuse_reason,
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=extension.partner_id.ids,
            )
        return True
