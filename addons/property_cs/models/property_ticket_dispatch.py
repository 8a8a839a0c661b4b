# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError


class PropertyTicket(models.Model):
    """Dispatch (D-8): the centre hands a ticket to a department and a named
    member of it; a transfer needs a reason and is logged."""

    _inherit = "property.ticket"

    def action_open_assign(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch"),
            "res_model": "property.ticket.assign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_assign(self, department, user, reason=False):
        """Dispatch to a department and a named person (D-8). A change of
        person or department after the first dispatch needs a reason."""
        for ticket in self:
            if ticket.user_id and not reason:
                raise UserError(
                    self.env._(
                        "Give a reason to transfer %(ticket)s from %(user)s.",
                        ticket=ticket.display_name,
                        user=ticket.user_id.name,
                    )
                )
            previous = ticket.user_id
            vals = {"department_id": department.id, "user_id": user.id}
            if ticket.state == "new":
                vals["stage_id"] = ticket._stage_for("dispatched").id
            ticket.write(vals)
            if previous and reason:
                ticket.message_post(
                    body=self.env._(
                        "Transferred from %(old)s to %(new)s: %(reason)s",
                        old=previous.name,
                        new=user.name,
                        reason=reason,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    @api.constrains("user_id", "department_id")
    def _check_user_in_department(self):
        """Responsibility lands on a named member of the department (D-8). A
        complaint's handler is a customer-service agent; its departments work
        recovery tasks (D-16)."""
        for ticket in self:
            if (
                ticket.kind != "complaint"
                and ticket.user_id
                and ticket.department_id
                and ticket.user_id not in ticket.department_id._get_dispatchable_users()
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(department)s.",
                        user=ticket.user_id.name,
                        department=ticket.department_id.display_name,
                    )
                )
