# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.http import request


class PropertyRenovationSign(models.TransientModel):
    """The applicant signs the project's renovation rules at the desk, on
    the staff's screen, with the same signature widget as the portal: the
    rules in the applicant's language, every declaration ticked, the name
    and the drawn signature (D-20, domain_standards D1, D4)."""

    _name = "property.renovation.sign"
    _description = "Sign Renovation Rules at the Desk"

    renovation_id = fields.Many2one("property.renovation", required=True)
    rules = fields.Html(string="Renovation Rules", compute="_compute_rules")
    working_hours = fields.Char(compute="_compute_rules")
    prohibition_ids = fields.Many2many(
        "property.renovation.prohibition", string="Declarations"
    )
    signed_by = fields.Char(string="Signer's Name", required=True)
    signature = fields.Binary(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        renovation = self.env["property.renovation"].browse(values.get("renovation_id"))
        if renovation and not values.get("signed_by"):
            values["signed_by"] = renovation.applicant_id.name
        if renovation and "prohibition_ids" in fields_list:
            values["prohibition_ids"] = [
                fields.Command.set(renovation.prohibition_ids.ids)
            ]
        return values

    @api.depends("renovation_id")
    def _compute_rules(self):
        """The rules, working hours, waste removal and deposit terms in the
        applicant's language."""
        for wizard in self:
            renovation = wizard.renovation_id
            lang = (
                renovation.applicant_id.lang
                or renovation.company_id.partner_id.lang
                or self.env.lang
            )
            project = renovation.project_id.with_context(lang=lang)
            wizard.working_hours = project.renovation_working_hours
            wizard.rules = Markup("").join(
                part
                for part in (
                    project.renovation_rules,
                    project.renovation_waste_rules,
                    project.renovation_deposit_terms,
                )
                if part
            )

    def action_confirm(self):
        self.ensure_one()
        ip_address = request.httprequest.remote_addr if request else False
        self.renovation_id._check_desk_user()
        self.renovation_id.sudo()._sign(
            self.signed_by, self.signature, ip_address, self.prohibition_ids
        )
        return {"type": "ir.actions.act_window_close"}
