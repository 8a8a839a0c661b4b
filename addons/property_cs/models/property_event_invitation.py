# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

INVITATION_WAVES = [
    ("key_customer", "Key Customers"),
    ("general", "All Invited Households"),
]
INVITATION_RULES = [
    ("key_customer", "Key Customer"),
    ("building", "Household of the Buildings"),
    ("owner_group", "Owner Group"),
    ("household", "Children or Elderly in the Household"),
]


class PropertyEventInvitation(models.Model):
    """An invitation of one household to a community event (D-30): built by
    the event's targeting rules, key customers first (D-5), sent by mail
    when booking opens for its wave, or recorded as skipped when the person
    withdrew their consent to event invitations. One invitation per person
    and event; each household is reached through its recipient (the tenant
    who lives there, else the owner)."""

    _name = "property.event.invitation"
    _description = "Event Invitation"
    _inherit = ["mail.thread"]
    _order = "event_id, date_scheduled, id"
    _rec_name = "partner_id"

    event_id = fields.Many2one(
        "event.event", required=True, index=True, ondelete="cascade", readonly=True
    )
    project_id = fields.Many2one(
        related="event_id.property_project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="event_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Invitee",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        ondelete="set null",
        readonly=True,
    )
    wave = fields.Selection(INVITATION_WAVES, required=True, readonly=True)
    rule = fields.Selection(
        INVITATION_RULES,
        string="Targeted As",
        readonly=True,
        help="The targeting rule that put this household on the list.",
    )
    date_scheduled = fields.Datetime(
        string="Scheduled For",
        compute="_compute_date_scheduled",
        store=True,
        index=True,
        help="When booking opens for this wave: the invitation goes out then.",
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    state = fields.Selection(
        [("scheduled", "Scheduled"), ("sent", "Sent"), ("skipped", "Skipped")],
        required=True,
        default="scheduled",
        readonly=True,
        tracking=True,
        copy=False,
    )
    skip_reason = fields.Selection(
        [
            ("consent", "Withdrew consent to event invitations"),
            ("event_over", "The event took place before the invitation was due"),
        ],
        readonly=True,
        tracking=True,
        copy=False,
    )
    channel = fields.Selection(
        [("mail", "Email"), ("portal", "Portal Only (No Email Address)")],
        string="Sent By",
        readonly=True,
        copy=False,
    )
    event_venue = fields.Char(string="Venue", compute="_compute_event_venue")

    _sql_constraints = [
        (
            "event_partner_uniq",
            "unique(event_id, partner_id)",
            "A person is invited once per event.",
        ),
    ]

    @api.depends(
        "wave", "event_id.property_date_open_key", "event_id.property_date_open_all"
    )
    def _compute_date_scheduled(self):
        """Key customers are invited when booking opens for them, N days
        before everyone else (D-5); the others when it opens for all."""
        for invitation in self:
            event = invitation.event_id
            if invitation.wave == "key_customer":
                invitation.date_scheduled = (
                    event.property_date_open_key or event.property_date_open_all
                )
            else:
                invitation.date_scheduled = event.property_date_open_all

    def _compute_event_venue(self):
        for invitation in self:
            # the venue of the event form (a field of the plan part)
            invitation.event_venue = invitation.event_id.property_venue or False

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------
    def _refresh_consent(self):
        """Apply the latest consent to event invitations (D-30): an
        invitation not yet sent is skipped for a person who withdrew it, and
        scheduled again when they gave it anew."""
        objecting = self.env["property.consent"]._partners_objecting(
            self.partner_id, "events"
        )
        self.filtered(
            lambda i: i.state == "scheduled" and i.partner_id in objecting
        ).write({"state": "skipped", "skip_reason": "consent"})
        self.filtered(
            lambda i: (
                i.state == "skipped"
                and i.skip_reason == "consent"
                and i.partner_id not in objecting
            )
        ).write({"state": "scheduled", "skip_reason": False})

    def _send(self):
        """Send these invitations now: in the recipient's language, with the
        event's date in the project's time zone, by mail when the person has
        an address (else the invitation shows in the portal only). Nothing is
        posted in a chatter the recipient or other owners read."""
        now = fields.Datetime.now()
        invitations = self.filtered(lambda i: i.state == "scheduled")
        invitations._refresh_consent()
        invitations = invitations.filtered(lambda i: i.state == "scheduled")
        over = invitations.filtered(
            lambda i: not i.event_id.active or i.event_id.date_end <= now
        )
        over.write({"state": "skipped", "skip_reason": "event_over"})
        invitations -= over
        by_mail = invitations.filtered(lambda i: i.partner_id.email)
        template = self.env.ref(
            "property_cs.mail_template_event_invitation", raise_if_not_found=False
        )
        if template and by_mail:
            template.sudo().send_mail_batch(by_mail.ids)
        else:
            by_mail = self.browse()
        by_mail.write({"state": "sent", "date_sent": now, "channel": "mail"})
        (invitations - by_mail).write(
            {"state": "sent", "date_sent": now, "channel": "portal"}
        )
        return invitations

    @api.model
    def _cron_send_invitations(self, batch_size=500):
        """Send the invitations whose date has come, the key-customer wave
        first (its date is earlier; on the same run, by date then id)."""
        domain = [
            ("state", "=", "scheduled"),
            ("date_scheduled", "!=", False),
            ("date_scheduled", "<=", fields.Datetime.now()),
        ]
        invitations = self.sudo()
        due = invitations.search(domain, order="date_scheduled, id", limit=batch_size)
        key_first = due.filtered(lambda i: i.wave == "key_customer")
        key_first._send()
        (due - key_first)._send()
        self.env["ir.cron"]._notify_progress(
            done=len(due), remaining=invitations.search_count(domain)
        )
        return due
