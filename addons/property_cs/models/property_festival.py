# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyFestival(models.Model):
    """A festival on a given date (春节, 中秋 ... one record per year, since
    lunar festivals move): key customers are greeted on it (D-5). Seeded
    for five years and editable."""

    _name = "property.festival"
    _description = "Festival"
    _order = "date, id"

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True)
    year = fields.Integer(compute="_compute_year", store=True)
    active = fields.Boolean(default=True)
    greeting_method = fields.Selection(
        [("mail", "Greeting Card by Email"), ("visit", "Personal Greeting")],
        required=True,
        default="mail",
        help="By email, or an activity for the project manager to greet in "
        "person or by phone; key customers without email are always greeted "
        "in person.",
    )
    lead_days = fields.Integer(
        string="Greet Days Before",
        default=0,
        help="Greetings are prepared this many days before the festival.",
    )
    greeting_ids = fields.One2many("property.festival.greeting", "festival_id")
    greeting_count = fields.Integer(compute="_compute_greeting_count")

    _sql_constraints = [
        (
            "name_date_uniq",
            "unique(name, date)",
            "This festival is already on that date.",
        )
    ]

    @api.depends("date")
    def _compute_year(self):
        for festival in self:
            festival.year = festival.date.year if festival.date else 0

    def _compute_greeting_count(self):
        data = dict(
            self.env["property.festival.greeting"]._read_group(
                [("festival_id", "in", self.ids)], ["festival_id"], ["__count"]
            )
        )
        for festival in self:
            festival.greeting_count = data.get(festival, 0)

    @api.constrains("lead_days")
    def _check_lead_days(self):
        if any(f.lead_days < 0 or f.lead_days > 30 for f in self):
            raise ValidationError(
                self.env._("Greet between 0 and 30 days before the festival.")
            )

    def action_view_greetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_festival_greeting_action"
        )
        action["domain"] = [("festival_id", "=", self.id)]
        return action

    @api.model
    def _cron_send_festival_greetings(self):
        """Greet every key customer for the festivals that are due (their
        date minus the lead days reached, the festival not past by more
        than a week), once per festival and customer (D-5): a greeting card
        by email, or an activity for the project manager to greet them in
        person."""
        today = fields.Date.context_today(self)
        festivals = self.search(
            [
                ("date", ">=", today - timedelta(days=7)),
                ("date", "<=", today + timedelta(days=30)),
            ]
        ).filtered(lambda f: f.date - timedelta(days=f.lead_days) <= today)
        if not festivals:
            return
        Greeting = self.env["property.festival.greeting"]
        customers = self.env["res.partner"].search([("is_key_customer", "=", True)])
        done = {
            (g.festival_id.id, g.partner_id.id)
            for g in Greeting.search_fetch(
                [("festival_id", "in", festivals.ids)], ["festival_id", "partner_id"]
            )
        }
        for festival in festivals:
            partners = customers.filtered(
                lambda p, f=festival: (f.id, p.id) not in done
            )
            if partners:
                Greeting._greet(festival, partners)
