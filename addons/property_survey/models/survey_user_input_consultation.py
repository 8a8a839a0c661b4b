# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    """The answer of a consultation recipient: one per recipient, kept once
    finished."""

    _inherit = "survey.user_input"

    property_consultation_recipient_id = fields.Many2one(
        "property.consultation.recipient",
        string="Consultation Recipient",
        index="btree_not_null",
        copy=False,
        ondelete="restrict",
    )
    property_consultation_id = fields.Many2one(
        related="property_consultation_recipient_id.consultation_id",
        store=True,
        index="btree_not_null",
        string="Consultation",
    )

    _sql_constraints = [
        (
            "property_consultation_recipient_uniq",
            "unique(property_consultation_recipient_id)",
            "A consultation recipient answers once.",
        ),
    ]

    @api.ondelete(at_uninstall=False)
    def _unlink_except_consultation_answer(self):
        """A finished answer to a consultation is part of its record."""
        if self.filtered(
            lambda a: a.property_consultation_recipient_id and a.state == "done"
        ):
            raise UserError(
                self.env._("A finished answer to a consultation is kept as a record.")
            )

    def _mark_done(self):
        """A finished consultation answer stays readable by its owner after
        the answering period (the deadline only stops unfinished ones)."""
        res = super()._mark_done()
        self.filtered(
            lambda a: a.property_consultation_recipient_id and a.deadline
        ).sudo().write({"deadline": False})
        return res
