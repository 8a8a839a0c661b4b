# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .constants import OPEN_STATES


class PropertyTicket(models.Model):
    """Duplicates and mass incidents: linked reports of the same incident are
    handled once by their main ticket and closed with it (D-16 for linked
    complaints)."""

    _inherit = "property.ticket"

    parent_id = fields.Many2one(
        "property.ticket",
        string="Main Ticket",
        index=True,
        help="The ticket that handles the same incident once.",
    )
    child_ids = fields.One2many("property.ticket", "parent_id", string="Linked Reports")
    child_count = fields.Integer(compute="_compute_child_count")

    def _ticket_stage_hooks(self):
        """A main ticket that is done or closed informs its linked reports."""
        return super()._ticket_stage_hooks() + [
            (90, "enter", "done", "_propagate_to_children"),
            (90, "enter", "closed", "_propagate_to_children"),
        ]

    def _compute_child_count(self):
        data = dict(
            self._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.child_count = data.get(ticket, 0)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A ticket cannot be linked to itself."))

    def _propagate_to_children(self):
        """Closing the main ticket of a mass incident informs every linked
        report and closes it the same way; a linked complaint is informed but
        follows its own steps to its callback and summary (D-16)."""
        for ticket in self.filtered(lambda t: t.state in ("done", "closed")):
            children = ticket.child_ids.filtered(lambda c: c.state in OPEN_STATES)
            if not children:
                continue
            children.filtered(lambda c: c.kind != "complaint").write(
                {"stage_id": ticket.stage_id.id}
            )
            for child in children:
                child.message_post(
                    body=self.env._(
                        "Handled with %(ticket)s.", ticket=ticket.display_name
                    ),
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=child.partner_id.ids,
                )
