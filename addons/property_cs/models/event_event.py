# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError

HOUSEHOLD_CONDITIONS = [
    ("none", "Any Household"),
    ("children", "Households with Children"),
    ("elderly", "Households with Elderly Members"),
]
CANCELLED_STAGE = "event.event_stage_cancelled"


class EventEvent(models.Model):
    """A community culture event (社区文化活动, D-30) is an Odoo event that
    carries a project: the annual plan counts it, the owners of the project
    are invited and register in the portal, staff take attendance at the
    door and attendees give feedback. Events without a project stay plain
    Odoo events.

    This file holds the event's community data (project, buildings, plan
    item, venue, conditions, organiser, partners, photos, the report after
    the event, budget and the actual cost from vendor bills). Who may book
    when (``_property_booking_open_for``) is decided by the invitations
    (event_event_invitation.py)."""

    _inherit = "event.event"

    property_project_id = fields.Many2one(
        "property.project", string="Project", index=True, tracking=True
    )
    property_building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        help="Limit the event to the households of these buildings; empty: "
        "the whole project.",
    )
    property_plan_line_id = fields.Many2one(
        "property.event.plan.line",
        string="Plan Item",
        index=True,
        tracking=True,
        help="The item of the project's annual activity plan this event carries out.",
    )
    property_venue = fields.Char(
        string="Venue in the Project",
        help="Where in the project the event takes place, e.g. the "
        "clubhouse or the central square.",
    )
    property_organiser_id = fields.Many2one(
        "res.users",
        string="Organiser",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The member of staff who organises the event.",
    )
    property_partner_ids = fields.Many2many(
        "res.partner",
        "event_event_property_partner_rel",
        "event_id",
        "partner_id",
        string="Co-Organisers and Sponsors",
        help="The residents' committee, the owners' committee, sponsors and "
        "other partners of the event.",
    )
    property_photo_ids = fields.Many2many(
        "ir.attachment",
        "event_event_property_photo_rel",
        "event_id",
        "attachment_id",
        string="Photos",
        help="Photos of the event, kept as its record.",
    )
    property_report = fields.Html(
        string="Event Report",
        help="A short report written after the event: what happened, how "
        "many came, what to do better.",
    )
    property_min_age = fields.Integer(
        string="Minimum Age",
        help="Attendees must be at least this old on the day of the event; "
        "0: no minimum.",
    )
    property_max_age = fields.Integer(
        string="Maximum Age",
        help="Attendees must be at most this old on the day of the event; "
        "0: no maximum.",
    )
    property_household_condition = fields.Selection(
        HOUSEHOLD_CONDITIONS,
        string="Households",
        default="none",
        required=True,
        help="Limit the event to households with children or with elderly "
        "members (by the ages set in the settings).",
    )
    property_currency_id = fields.Many2one(
        "res.currency",
        string="Company Currency",
        compute="_compute_property_currency_id",
    )
    property_budget = fields.Monetary(
        string="Budget",
        currency_field="property_currency_id",
        compute="_compute_property_budget",
        store=True,
        readonly=False,
        tracking=True,
        help="The money set aside for this event; taken from its plan item when empty.",
    )
    property_cost_line_ids = fields.One2many(
        "account.move.line",
        "property_event_id",
        string="Cost Lines",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    property_cost = fields.Monetary(
        string="Actual Cost",
        currency_field="property_currency_id",
        compute="_compute_property_cost",
        store=True,
        help="The untaxed amount of the posted vendor bills charged to this "
        "event, less their credit notes, in the company currency.",
    )
    property_bill_count = fields.Integer(
        string="Vendor Bills", compute="_compute_property_bill_count"
    )

    _sql_constraints = [
        (
            "property_ages_positive",
            "CHECK(property_min_age >= 0 AND property_max_age >= 0)",
            "Ages cannot be negative.",
        ),
        (
            "property_budget_positive",
            "CHECK(property_budget IS NULL OR property_budget >= 0)",
            "A budget cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("event_type_id")
    def _compute_event_mail_ids(self):
        """A community event of a project without a type takes none of
        Odoo's default mail schedulers (a confirmation with a PDF ticket,
        reminders an hour and three days before): the project's own
        invitations, reminders and promotion notices tell the households,
        and the defaults would send them twice. Its types schedule none
        either (data/property_event_data.xml)."""
        community = self.filtered(
            lambda event: event.property_project_id and not event.event_type_id
        )
        for event in community:
            event.event_mail_ids = event.event_mail_ids
        return super(EventEvent, self - community)._compute_event_mail_ids()

    @api.depends("company_id", "property_project_id.company_id")
    def _compute_property_currency_id(self):
        for event in self:
            company = (
                event.company_id
                or event.property_project_id.company_id
                or self.env.company
            )
            event.property_currency_id = company.currency_id

    @api.depends("property_plan_line_id")
    def _compute_property_budget(self):
        """The plan item's budget when the event has none yet (an amount
        typed on the event is never overwritten)."""
        for event in self:
            if not event.property_budget and event.property_plan_line_id:
                event.property_budget = event.property_plan_line_id.budget
            else:
                event.property_budget = event.property_budget

    @api.depends(
        "property_cost_line_ids.balance",
        "property_cost_line_ids.parent_state",
    )
    def _compute_property_cost(self):
        """Actual cost (D-30): the balance (company currency, taxes apart)
        of the posted vendor-bill lines charged to the event; a credit note
        counts negative; draft and cancelled bills do not count."""
        lines = self.env["account.move.line"].sudo()
        data = dict(
            lines._read_group(
                [
                    ("property_event_id", "in", self.ids),
                    ("parent_state", "=", "posted"),
                ],
                ["property_event_id"],
                ["balance:sum"],
            )
        )
        for event in self:
            event.property_cost = data.get(event._origin, 0.0)

    def _compute_property_bill_count(self):
        lines = self.env["account.move.line"].sudo()
        data = dict(
            lines._read_group(
                [("property_event_id", "in", self.ids)],
                ["property_event_id"],
                ["move_id:count_distinct"],
            )
        )
        for event in self:
            event.property_bill_count = data.get(event._origin, 0)

    @api.constrains("property_min_age", "property_max_age")
    def _check_property_ages(self):
        for event in self:
            if (
                event.property_min_age
                and event.property_max_age
                and event.property_min_age > event.property_max_age
            ):
                raise ValidationError(
                    self.env._(
                        "The minimum age of %(event)s is above its maximum age.",
                        event=event.name,
                    )
                )

    @api.constrains("property_project_id", "property_plan_line_id")
    def _check_property_plan_line(self):
        """An event carries out an item of its own project's plan."""
        for event in self:
            line = event.property_plan_line_id
            if line and line.project_id != event.property_project_id:
                raise ValidationError(
                    self.env._(
                        "The plan item %(item)s belongs to the plan of another "
                        "project than the event %(event)s.",
                        item=line.display_name,
                        event=event.name,
                    )
                )

    @api.constrains("property_project_id", "property_building_ids")
    def _check_property_buildings(self):
        for event in self:
            if event.property_building_ids.project_id - event.property_project_id:
                raise ValidationError(
                    self.env._(
                        "The buildings of %(event)s must be buildings of its project.",
                        event=event.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._property_claim_photos()
        return events

    def write(self, vals):
        res = super().write(vals)
        if "property_photo_ids" in vals:
            self._property_claim_photos()
        return res

    def _property_claim_photos(self):
        """Photos uploaded in the form belong to the event (so that whoever
        may read the event may read them)."""
        for event in self:
            event.property_photo_ids.filtered(lambda a: not a.res_id).sudo().write(
                {"res_model": self._name, "res_id": event.id}
            )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_property_view_bills(self):
        """The vendor bills charged to this event."""
        self.ensure_one()
        moves = self.property_cost_line_ids.move_id
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action.update(
            {
                "domain": [("id", "in", moves.ids)],
                "context": {"default_move_type": "in_invoice"},
            }
        )
        return action

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------
    def _property_booking_open_for(self, partner):
        """Whether ``partner`` may book places on this event now, and if not
        why (plain text for the portal). Invitations decide who may book
        when (key customers before the others, D-5)."""
        self.ensure_one()
        return True, ""

    @api.model
    def _property_cancelled_stage(self):
        return self.env.ref(CANCELLED_STAGE, raise_if_not_found=False)

    @api.model
    def _property_year_domain(self, project, year, with_cancelled=False):
        """The events of ``project`` starting in calendar ``year`` in the
        project's time zone; cancelled ones only ``with_cancelled``."""
        tz = pytz.timezone(project.tz or "Asia/Shanghai")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        start = utc(fields.Date.to_date(f"{year}-01-01"))
        end = utc(fields.Date.to_date(f"{year + 1}-01-01"))
        domain = [
            ("property_project_id", "=", project.id),
            ("date_begin", ">=", start),
            ("date_begin", "<", end),
        ]
        cancelled = self._property_cancelled_stage()
        if cancelled and not with_cancelled:
            domain.append(("stage_id", "!=", cancelled.id))
        return domain

    def _property_is_held(self, now=None):
        """Held: the event is over (its end has passed) and was not
        cancelled."""
        self.ensure_one()
        now = now or fields.Datetime.now()
        cancelled = self._property_cancelled_stage()
        return bool(self.date_end and self.date_end <= now) and not (
            cancelled and self.stage_id == cancelled
        )

    def _property_tz(self):
        """The project's time zone (else the event's)."""
        self.ensure_one()
        return pytz.timezone(
            self.sudo().property_project_id.tz or self.date_tz or "Asia/Shanghai"
        )

    def _property_local(self, value):
        """A UTC datetime of the event in the project's time zone."""
        return pytz.utc.localize(value).astimezone(self._property_tz())

    def _property_local_date(self):
        """The day the event starts, in its project's time zone."""
        self.ensure_one()
        return self._property_local(self.date_begin).date()

    def _property_date_label(self):
        """The event's date and time as owners read it, in the project's
        time zone: ``2026-12-20 09:00-11:30`` (or both days when it spans
        several)."""
        self.ensure_one()
        begin = self._property_local(self.date_begin)
        end = self._property_local(self.date_end)
        if begin.date() == end.date():
            return f"{begin:%Y-%m-%d %H:%M}-{end:%H:%M}"
        return f"{begin:%Y-%m-%d %H:%M} - {end:%Y-%m-%d %H:%M}"

    def _property_ended_before_today(self):
        """The event ended on a day before today (project's time zone)."""
        self.ensure_one()
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(self._property_tz())
        return self._property_local(self.date_end).date() < today.date()

    def _property_attendee_issue(self, partner):
        """Why ``partner`` cannot attend this event by its age and household
        conditions, in plain words; empty when they can. The age is taken
        on the day of the event; a person whose birthday is unknown passes
        the age check (staff decide at the door)."""
        self.ensure_one()
        day = self._property_local_date()
        birth = partner.sudo().date_birth
        if birth and (self.property_min_age or self.property_max_age):
            age = (
                day.year
                - birth.year
                - ((day.month, day.day) < (birth.month, birth.day))
            )
            if self.property_min_age and age < self.property_min_age:
                return self.env._(
                    "%(name)s is younger than %(age)s.",
                    name=partner.name,
                    age=self.property_min_age,
                )
            if self.property_max_age and age > self.property_max_age:
                return self.env._(
                    "%(name)s is older than %(age)s.",
                    name=partner.name,
                    age=self.property_max_age,
                )
        condition = self.property_household_condition
        if condition in ("children", "elderly"):
            units = (
                self.env["property.unit.partner"]
                .sudo()
                .search(
                    [
                        ("partner_id", "=", partner.id),
                        ("unit_id.project_id", "=", self.property_project_id.id),
                        ("active", "=", True),
                        ("date_start", "<=", day),
                        "|",
                        ("date_end", "=", False),
                        ("date_end", ">=", day),
                    ]
                )
                .unit_id
            )
            flags = units._property_household_flags(day)
            if not any(flag[condition] for flag in flags.values()):
                if condition == "children":
                    return self.env._("This event is for households with children.")
                return self.env._("This event is for households with elderly members.")
        return ""
