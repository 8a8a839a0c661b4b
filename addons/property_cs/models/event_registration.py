# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from .constants import GROUP_AGENT, GROUP_DEPARTMENT, GROUP_HEAD_OFFICE

REGISTRATION_CHANNELS = [
    ("portal", "Portal"),
    ("phone", "Phone Booking"),
    ("walk_in", "Walk-In"),
    ("staff", "Registered by Staff"),
]
# who books places for a household (D-30): the current owners, co-owners
# and tenants of a unit; household members and residents are booked for
OWNER_ROLES = ("owner", "co_owner")
BOOKER_ROLES = ("owner", "co_owner", "tenant")
# registrations that hold a place (Odoo counts these against the seats)
PLACE_STATES = ("open", "done")
# registrations still to come: booked with a place (open) or waiting (draft)
BOOKED_STATES = ("draft", "open")
FEEDBACK_RATINGS = [
    ("1", "Very Poor"),
    ("2", "Poor"),
    ("3", "Fair"),
    ("4", "Good"),
    ("5", "Very Good"),
]
PROMOTED_TEMPLATE = "property_cs.mail_template_event_waitlist_promoted"
FEEDBACK_TEMPLATE = "property_cs.mail_template_event_feedback_request"


class EventRegistration(models.Model):
    """A place at a community event for one person of a household (D-30):
    the attendee is the registration's partner, the household is the unit,
    and the person who booked is the owner or tenant who registered the
    household's members.

    States are Odoo's: open = booked with a place, draft with
    ``property_is_waitlist`` = on the waiting list (no place taken: Odoo
    counts only open and done registrations against the seats), done =
    attended, cancel = cancelled. A booking that did not come stays open
    with ``property_no_show``."""

    _inherit = ["event.registration", "property.workflow.guard.mixin"]
    _name = "event.registration"
    _workflow_fields = (
        "property_is_waitlist",
        "property_no_show",
        "property_feedback_rating",
        "property_feedback_comment",
        "property_date_feedback",
        "property_date_feedback_request",
    )

    property_unit_id = fields.Many2one(
        "property.unit", string="Unit", index=True, tracking=True
    )
    property_booked_by_id = fields.Many2one(
        "res.partner",
        string="Booked By",
        index=True,
        help="The owner or tenant who booked this place for a member of "
        "their household.",
    )
    property_project_id = fields.Many2one(
        related="event_id.property_project_id", store=True, index=True
    )
    property_channel = fields.Selection(
        REGISTRATION_CHANNELS, string="Booked Through", default="staff"
    )
    property_is_waitlist = fields.Boolean(
        string="On Waiting List",
        tracking=True,
        help="No place was free when booked: the first place freed goes to "
        "the earliest booking on the waiting list.",
    )
    property_no_show = fields.Boolean(
        string="No-Show",
        tracking=True,
        help="Booked a place but did not come.",
    )
    property_feedback_rating = fields.Selection(
        FEEDBACK_RATINGS, string="Feedback Rating"
    )
    property_feedback_comment = fields.Text(string="Feedback Comment")
    property_date_feedback = fields.Datetime(string="Feedback Date")
    property_date_feedback_request = fields.Datetime(
        string="Feedback Requested On",
        readonly=True,
        copy=False,
        help="When the household was asked for its feedback (once, the day "
        "after the event).",
    )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def write(self, vals):
        """A registration that gets a place (confirmed or attended) leaves
        the waiting list; one marked attended is no longer a no-show. A
        place freed (cancelled, or set back to unconfirmed) goes to the
        earliest booking on the event's waiting list; so does one archived."""
        freed = self.env["event.event"]
        if ("state" in vals and vals["state"] not in PLACE_STATES) or (
            "active" in vals and not vals["active"]
        ):
            freed = self._property_place_events()
        res = super().write(vals)
        if vals.get("state") in PLACE_STATES:
            flags = {"property_is_waitlist": False}
            if vals["state"] == "done":
                flags["property_no_show"] = False
            stale = self.filtered(
                lambda reg: (
                    reg.property_is_waitlist
                    or (vals["state"] == "done" and reg.property_no_show)
                )
            )
            if stale:
                stale._workflow_write(flags)
        if freed:
            freed.sudo()._property_promote_waitlist()
        return res

    def unlink(self):
        """A place deleted goes to the waiting list, as one cancelled."""
        freed = self._property_place_events()
        res = super().unlink()
        if freed:
            freed.sudo()._property_promote_waitlist()
        return res

    def _property_place_events(self):
        """The events where these registrations hold a place."""
        return self.filtered(
            lambda reg: (
                reg.active
                and reg.state in PLACE_STATES
                and not reg.property_is_waitlist
            )
        ).event_id

    # ------------------------------------------------------------------
    # HOUSEHOLDS
    # ------------------------------------------------------------------
    @api.model
    def _property_households(self, partner):
        """The households ``partner`` books for, by unit: ``{unit: members}``
        for each unit they currently own, co-own or rent.

        - An owner or co-owner books the unit's current owners and co-owners
          and, when the unit is not rented out, its household members and
          residents.
        - A tenant books the unit's current tenants and, the unit being
          rented, its household members and residents (the tenancy's
          household), never its owners.

        Read as superuser: the callers show the members' names to the
        booker only."""
        Link = self.env["property.unit.partner"].sudo()
        own = Link.search(
            [
                ("partner_id", "=", partner.id),
                ("is_current", "=", True),
                ("role", "in", BOOKER_ROLES),
            ]
        )
        if not own:
            return {}
        links = Link.search(
            [("unit_id", "in", own.unit_id.ids), ("is_current", "=", True)]
        )
        households = {}
        for unit in own.unit_id:
            unit_links = links.filtered(lambda link, unit=unit: link.unit_id == unit)
            rented = any(link.role == "tenant" for link in unit_links)
            my_roles = set(
                own.filtered(lambda link, unit=unit: link.unit_id == unit).mapped(
                    "role"
                )
            )
            roles = set()
            if my_roles & set(OWNER_ROLES):
                roles |= set(OWNER_ROLES)
                if not rented:
                    roles |= {"household", "resident"}
            if "tenant" in my_roles:
                roles |= {"tenant", "household", "resident"}
            members = unit_links.filtered(lambda link, roles=roles: link.role in roles)
            households[unit] = members.partner_id | partner.sudo()
        return households

    @api.model
    def _property_household_domain(self, households):
        """The registrations of these households: a member of the household
        registered with its unit."""
        domains = [
            [("property_unit_id", "=", unit.id), ("partner_id", "in", members.ids)]
            for unit, members in households.items()
        ]
        return expression.OR(domains) if domains else expression.FALSE_DOMAIN

    def _property_check_household(self, partner):
        """Refuse unless every registration of ``self`` belongs to the
        household of ``partner``."""
        households = self._property_households(partner)
        for registration in self.sudo():
            members = households.get(registration.property_unit_id)
            if not members or registration.partner_id not in members:
                raise AccessError(
                    self.env._("This registration is not one of your household's.")
                )

    def _property_booker(self):
        """Who hears about the registration: the owner or tenant who
        booked it, else the attendee."""
        self.ensure_one()
        return self.property_booked_by_id or self.partner_id

    # ------------------------------------------------------------------
    # CANCELLATION AND WAITING LIST
    # ------------------------------------------------------------------
    def _property_portal_cancel(self, partner):
        """The owner or tenant cancels the place of a member of their own
        household in the portal, until the event starts."""
        self.ensure_one()
        self._property_check_household(partner)
        registration = self.sudo()
        if registration.state not in BOOKED_STATES:
            raise UserError(self.env._("This registration cannot be cancelled."))
        if registration.event_id.date_begin <= fields.Datetime.now():
            raise UserError(
                self.env._(
                    "The event has started: it can no longer be cancelled online."
                )
            )
        registration.action_cancel()
        return True

    def _property_notify_promoted(self):
        """Tell the booker of each registration that left the waiting list
        that their household member has a place now (in their language)."""
        template = self.env.ref(PROMOTED_TEMPLATE, raise_if_not_found=False)
        if not template:
            return
        for registration in self.sudo():
            booker = registration._property_booker()
            if not booker:
                continue
            registration.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=booker.ids,
            )

    # ------------------------------------------------------------------
    # ATTENDANCE AT THE DOOR
    # ------------------------------------------------------------------
    def _property_check_desk_user(self):
        user = self.env.user
        if not self.env.su and not any(
            user.has_group(group)
            for group in (GROUP_AGENT, GROUP_DEPARTMENT, GROUP_HEAD_OFFICE)
        ):
            raise AccessError(
                self.env._("Only customer-service staff take attendance.")
            )

    def action_property_present(self):
        """One tap at the door: the attendee came (attended, no longer a
        no-show)."""
        self._property_check_desk_user()
        if any(reg.state == "cancel" for reg in self):
            raise UserError(
                self.env._(
                    "A cancelled registration cannot be marked present: "
                    "register the person again."
                )
            )
        self.filtered(lambda reg: reg.state != "done").action_set_done()
        return True

    def action_property_no_show(self):
        """One tap at the door: the booking did not come. A registration
        marked present by mistake goes back to booked."""
        self._property_check_desk_user()
        if any(
            reg.state not in PLACE_STATES or reg.property_is_waitlist for reg in self
        ):
            raise UserError(
                self.env._(
                    "Only a booking with a place can be a no-show (not a "
                    "cancelled one nor one on the waiting list)."
                )
            )
        self.filtered(lambda reg: reg.state == "done").action_confirm()
        self._workflow_write({"property_no_show": True})
        return True

    # ------------------------------------------------------------------
    # FEEDBACK
    # ------------------------------------------------------------------
    def _property_portal_feedback(self, partner, rating, comment):
        """The household's rating (1 to 5) and comment on the event, given
        once, by an owner or tenant of the household, for its members who
        attended."""
        self._property_check_household(partner)
        return self.sudo()._property_record_feedback(rating, comment)

    def _property_staff_feedback(self, rating, comment):
        """Staff record the feedback a household gave by phone or at the
        desk: it applies to the household's members who attended the event
        (the registrations of the same unit), as in the portal, and the
        chatter says who took it."""
        self._property_check_desk_user()
        self.check_access("read")
        registrations = self.sudo()
        if registrations.property_unit_id:
            registrations = registrations.search(
                [
                    ("event_id", "in", self.event_id.ids),
                    ("property_unit_id", "in", self.property_unit_id.ids),
                    ("state", "=", "done"),
                ]
            )
        registrations._property_record_feedback(rating, comment)
        for registration in registrations:
            registration.message_post(
                body=self.env._(
                    "Feedback taken by %(user)s (phone or desk).",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _property_record_feedback(self, rating, comment):
        """Record the rating and comment on these registrations (attended,
        without feedback yet): once per household."""
        if rating not in dict(FEEDBACK_RATINGS):
            raise UserError(self.env._("Choose a rating from 1 to 5."))
        if not self or any(reg.state != "done" for reg in self):
            raise UserError(
                self.env._("Only members of your household who attended can rate it.")
            )
        if any(reg.property_date_feedback for reg in self):
            raise UserError(
                self.env._("Your household has already given its feedback.")
            )
        self._workflow_write(
            {
                "property_feedback_rating": rating,
                "property_feedback_comment": (comment or "").strip() or False,
                "property_date_feedback": fields.Datetime.now(),
            }
        )
        return True

    def action_property_feedback(self):
        """Staff record the household's feedback taken by phone."""
        self.ensure_one()
        self._property_check_desk_user()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Feedback"),
            "res_model": "property.event.feedback",
            "view_mode": "form",
            "target": "new",
            "context": {"default_registration_id": self.id},
        }

    @api.model
    def _cron_property_event_feedback(self):
        """The day after an event, ask each household that attended for its
        feedback, once: one mail to the owner or tenant who booked (who has
        a portal account to answer), in their language."""
        template = self.env.ref(FEEDBACK_TEMPLATE, raise_if_not_found=False)
        if not template:
            return
        now = fields.Datetime.now()
        candidates = self.search(
            [
                ("state", "=", "done"),
                ("property_date_feedback_request", "=", False),
                ("property_date_feedback", "=", False),
                ("event_id.property_project_id", "!=", False),
                ("event_id.date_end", "<", now),
            ],
            order="event_id, id",
        )
        due = candidates.filtered(
            lambda reg: reg.event_id._property_ended_before_today()
        )
        groups = {}
        for registration in due:
            booker = registration._property_booker()
            groups.setdefault((registration.event_id, booker), self.browse())
            groups[(registration.event_id, booker)] |= registration
        for (_event, booker), registrations in groups.items():
            if booker.sudo().user_ids.filtered("active"):
                registrations[0].message_post_with_source(
                    template,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=booker.ids,
                )
            registrations._workflow_write({"property_date_feedback_request": now})
        return True

    def _property_feedback_attendees(self):
        """The names of the booker's household members who attended the
        event of this registration (for the feedback mail)."""
        self.ensure_one()
        booker = self._property_booker()
        attended = self.search(
            [
                ("event_id", "=", self.event_id.id),
                ("state", "=", "done"),
                "|",
                ("property_booked_by_id", "=", booker.id),
                ("partner_id", "=", booker.id),
            ]
        )
        return ", ".join(attended.mapped("name"))

    def _property_portal_state_label(self):
        """The registration's state as the household reads it."""
        self.ensure_one()
        if self.state == "draft":
            if self.property_is_waitlist:
                return self.env._("On the waiting list")
            return self.env._("To be confirmed")
        if self.state == "open":
            if self.property_no_show:
                return self.env._("Did not come")
            return self.env._("Place booked")
        if self.state == "done":
            return self.env._("Attended")
        return self.env._("Cancelled")
