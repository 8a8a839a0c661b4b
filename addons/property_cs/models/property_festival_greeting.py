# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyFestivalGreeting(models.Model):
    """A key customer greeted for a festival, once (D-5)."""

    _name = "property.festival.greeting"
    _description = "Festival Greeting"
    _order = "id desc"

    festival_id = fields.Many2one(
        "property.festival", required=True, index=True, ondelete="restrict"
    )
    date = fields.Date(related="festival_id.date", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Key Customer", required=True, index=True
    )
    method = fields.Selection(
        [("mail", "Email"), ("visit", "Personal Greeting")], required=True
    )
    user_id = fields.Many2one(
        "res.users", string="Greeted By", help="Who greets in person."
    )

    _sql_constraints = [
        (
            "festival_partner_uniq",
            "unique(festival_id, partner_id)",
            "A key customer is greeted once per festival.",
        )
    ]

    @api.model
    def _greet(self, festival, partners):
        """Record and send the greetings of one festival: an email card when
        the festival says so and the customer has an email, otherwise a
        to-do for the project manager to greet in person. Nobody who withdrew
        their consent to greetings is greeted."""
        partners -= self.env["property.consent"]._partners_objecting(
            partners, "greetings"
        )
        template = self.env.ref(
            "property_cs.mail_template_festival_greeting", raise_if_not_found=False
        )
        vals_list = []
        for partner in partners:
            by_mail = bool(
                festival.greeting_method == "mail" and partner.email and template
            )
            manager = partner._key_contact_manager()
            vals_list.append(
                {
                    "festival_id": festival.id,
                    "partner_id": partner.id,
                    "method": "mail" if by_mail else "visit",
                    "user_id": False if by_mail else manager.id,
                }
            )
        greetings = self.create(vals_list)
        for greeting in greetings:
            partner = greeting.partner_id
            name = festival.with_context(lang=partner.lang).name
            if greeting.method == "mail":
                partner.with_context(festival_name=name).message_post_with_source(
                    template,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=partner.ids,
                )
            elif greeting.user_id:
                partner.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=festival.date,
                    summary=self.env._(
                        "Greet %(partner)s for %(festival)s",
                        partner=partner.name,
                        festival=festival.name,
                    ),
                    user_id=greeting.user_id.id,
                )
        return greetings
