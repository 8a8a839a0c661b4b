# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyTicket(models.Model):
    """Dispatch (D-8): the centre hands a ticket to a department and a named
    member of it; a transfer needs a reason and is logged. Then the
    technician's visit (D-9): on the way, within the appointment slot,
    arrived on site, each told to the owner."""

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

    def action_on_the_way(self):
        """The technician sets off: the owner is told who is coming and by
        when to expect them (D-9). Only once per visit."""
        now = fields.Datetime.now()
        leaving = self.filtered(lambda t: not t.date_departed and not t.date_arrived)
        if not leaving:
            raise UserError(
                self.env._("The technician is already on the way or on site.")
            )
        for ticket in leaving:
            vals = {"date_departed": now}
            if ticket.state == "dispatched":
                vals["stage_id"] = ticket._stage_for("in_progress").id
            ticket.write(vals)
        leaving._sla_notify_owner("property_cs.mail_template_ticket_on_the_way")
        return True

    @api.constrains("date_appointment_start", "date_appointment_end")
    def _check_appointment(self):
        for ticket in self:
            start, end = ticket.date_appointment_start, ticket.date_appointment_end
            if bool(start) != bool(end) or (start and end <= start):
                raise ValidationError(
                    self.env._(
                        "The appointment of %(ticket)s needs a start and a later end.",
                        ticket=ticket.display_name,
                    )
                )

    def action_arrive(self):
        """One tap from the technician's phone: arrived on site now; the
        owner's history shows it (D-9)."""
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.date_arrived:
                continue
            vals = {"date_arrived": now}
            if ticket.state == "dispatched":
                vals["stage_id"] = ticket._stage_for("in_progress").id
            ticket.write(vals)
            ticket._owner_post_progress(
                ticket._owner_env()._(
                    "Our technician %(user)s has arrived on site.",
                    user=self.env.user.name,
                )
            )
        return True
