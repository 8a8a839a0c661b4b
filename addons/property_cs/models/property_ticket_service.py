# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .constants import OPEN_STATES


class PropertyTicket(models.Model):
    """What the agent does for the owner beyond the workflow: a reply checked
    against the standard-language rules (D-15), a broken promise told with
    apology, reason and remedy (D-10), a value-added request turned into a
    CRM opportunity."""

    _inherit = "property.ticket"

    is_promise_missed = fields.Boolean(
        compute="_compute_is_promise_missed", search="_search_is_promise_missed"
    )
    promise_ids = fields.One2many(
        "property.ticket.promise", "ticket_id", string="Broken Promises"
    )
    opportunity_id = fields.Many2one("crm.lead", readonly=True, copy=False)

    def action_open_reply(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reply to Owner"),
            "res_model": "property.ticket.reply",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _reply_to_owner(self, body, overridden_phrases=None):
        """Send a reply to the requester. Phrases of the D-15 rules that the
        agent chose to keep are logged as an internal note."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(self.env._("This ticket has no requester to reply to."))
        message = self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )
        if overridden_phrases:
            self.message_post(
                body=self.env._(
                    "Reply sent despite the standard-language rules: %(phrases)s",
                    phrases=", ".join(overridden_phrases.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return message

    def action_open_broken_promise(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Broken Promise"),
            "res_model": "property.ticket.promise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def _record_broken_promise(self, apology, reason, remedy, date_new):
        """When a promise cannot be kept: apologise at once, explain why and
        propose a remedy with a new time, and tell the owner (D-10)."""
        self.ensure_one()
        if date_new <= fields.Datetime.now():
            raise UserError(self.env._("The new promised time must be in the future."))
        self.env["property.ticket.promise"].create(
            {
                "ticket_id": self.id,
                "date_previous": self.date_promised,
                "date_new": date_new,
                "apology": apology,
                "reason": reason,
                "remedy": remedy,
            }
        )
        self.with_context(property_promise_broken=True).date_promised = date_new
        tz = self.partner_id.tz or self.project_id.tz or "Asia/Shanghai"
        owner_env = self._owner_env()  # the owner reads it in their language
        new_time = format_datetime(owner_env, date_new, tz=tz, dt_format="short")
        body = Markup("<p>%s</p><p>%s</p><p>%s</p><p>%s</p>") % (
            apology,
            owner_env._("Why: %(reason)s", reason=reason),
            owner_env._("What we do now: %(remedy)s", remedy=remedy),
            owner_env._("New promised time: %(time)s", time=new_time),
        )
        return self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )

    def action_create_opportunity(self):
        """Turn a value-added request (parking purchase, renting out, home
        services) into a CRM opportunity for the owner and unit."""
        self.ensure_one()
        if not self.opportunity_id:
            self.opportunity_id = (
                self.env["crm.lead"].sudo().create(self._prepare_opportunity_values())
            )
            self.message_post(
                body=self.env._(
                    "Opportunity %(lead)s created.", lead=self.opportunity_id.name
                ),
                subtype_xmlid="mail.mt_note",
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.opportunity_id.id,
            "view_mode": "form",
        }

    def _prepare_opportunity_values(self):
        self.ensure_one()
        return {
            "type": "opportunity",
            "name": self.name,
            "partner_id": self.partner_id.id,
            "property_unit_id": self.unit_id.id,
            "property_ticket_id": self.id,
            "team_id": self.project_id.crm_team_id.id or False,
            "user_id": self.project_id.crm_team_id.user_id.id or self.env.user.id,
            "company_id": self.company_id.id,
            "description": self.description,
        }

    @api.depends("date_promised", "state")
    def _compute_is_promise_missed(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.is_promise_missed = bool(
                ticket.date_promised
                and ticket.date_promised < now
                and ticket.state in OPEN_STATES
            )

    def _search_is_promise_missed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on missed promises."))
        domain = [
            ("date_promised", "<", fields.Datetime.now()),
            ("state", "in", OPEN_STATES),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]
