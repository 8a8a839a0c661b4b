# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from odoo.addons.base.models.res_partner import _tz_get


class PropertyProject(models.Model):
    """A managed property project (小区/项目), the unit of control (D-2)."""

    _name = "property.project"
    _description = "Property Project"
    _inherit = ["mail.thread", "mail.activity.mixin", "mail.alias.mixin"]
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        help="Short code used in unit references and sequences.", tracking=True
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    project_type = fields.Selection(
        [
            ("residential", "Residential"),
            ("office", "Office"),
            ("commercial", "Commercial"),
            ("mixed", "Mixed Use"),
        ],
        string="Type",
        required=True,
        default="residential",
        tracking=True,
    )
    street = fields.Char()
    street2 = fields.Char()
    city = fields.Char()
    zip = fields.Char()
    state_id = fields.Many2one(
        "res.country.state", domain="[('country_id', '=?', country_id)]"
    )
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.cn", False)
    )
    tz = fields.Selection(
        _tz_get,
        string="Timezone",
        required=True,
        default="Asia/Shanghai",
        help="Service times of this project are computed in this timezone.",
    )
    sla_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Service-Time Calendar",
        help="Working time of the SLA clock, with its holidays and "
        "make-up working days. Leave empty for a 24/7 clock.",
    )
    hotline = fields.Char(
        string="Service Hotline", help="The published 24-hour number."
    )
    complaint_phone = fields.Char()
    government_hotline_name = fields.Char(
        string="Government Hotline Number",
        default="12345",
        help="The local government service hotline owners also turn to "
        "(12345 on the mainland, 1999 in Taipei): shown with the channel of "
        "the tickets it forwards and in the recourse told to complainants.",
    )
    opening_hours = fields.Char(string="Service-Centre Opening Hours", translate=True)
    manager_id = fields.Many2one(
        "res.users",
        string="Project Manager",
        tracking=True,
        help="Contacts the project's key customers regularly.",
    )
    user_ids = fields.Many2many(
        "res.users",
        "property_project_res_users_rel",
        "project_id",
        "user_id",
        string="Assigned Staff",
    )
    ticket_sequence_id = fields.Many2one("ir.sequence", readonly=True, copy=False)
    crm_team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        help="Value-added opportunities from this project's tickets go to this team.",
    )
    building_ids = fields.One2many("property.building", "project_id")
    unit_ids = fields.One2many("property.unit", "project_id")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    total_area = fields.Float(
        string="Total Floor Area (m²)",
        compute="_compute_total_area",
        store=True,
        digits=(16, 2),
        help="Sum of the gross floor area of the project's active units.",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The project code must be unique per company.",
        )
    ]

    @api.depends("unit_ids.area", "unit_ids.active")
    def _compute_total_area(self):
        data = dict(
            self.env["property.unit"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["area:sum"]
            )
        )
        for project in self:
            project.total_area = data.get(project, 0.0)

    def _compute_counts(self):
        buildings = dict(
            self.env["property.building"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        units = dict(
            self.env["property.unit"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.building_count = buildings.get(project, 0)
            project.unit_count = units.get(project, 0)

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        # the numbering exists before the first ticket: two first tickets
        # saved at once must not each create one and both take number 1
        for project in projects:
            project._get_ticket_sequence()
        if any(vals.get("user_ids") for vals in vals_list):
            # record rules read user.property_project_ids: drop cached rules
            self.env.registry.clear_cache()
        return projects

    def write(self, vals):
        res = super().write(vals)
        if "code" in vals:
            # a numbering that has given no number yet takes the new code
            for project in self:
                sequence = project.ticket_sequence_id.sudo()
                # taken in SQL (``_take_ticket_number``): read it anew
                sequence.invalidate_recordset(["number_next", "number_next_actual"])
                if sequence and sequence.number_next == 1:
                    sequence.prefix = f"{project.code or 'T'}-%(year)s-"
        if "user_ids" in vals:
            self.env.registry.clear_cache()
        return res

    def _alias_get_creation_values(self):
        """Email to the project's alias creates a ticket of the project."""
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get("property.ticket").id
        if self.id:
            values["alias_defaults"] = defaults = ast.literal_eval(
                self.alias_defaults or "{}"
            )
            defaults["project_id"] = self.id
        return values

    def _get_ticket_sequence(self):
        """Each project numbers its tickets on its own (e.g. GHY-2026-00042).
        Without gaps (see ``_take_ticket_number``)."""
        self.ensure_one()
        sequence = self.ticket_sequence_id.sudo()
        if sequence and sequence.implementation != "no_gap":
            # numbering kept: continue after the last number given
            sequence.write(
                {"implementation": "no_gap", "number_next": sequence.number_next_actual}
            )
        if not self.ticket_sequence_id:
            # a project created before its numbering existed: lock its row
            # so that a concurrent first ticket waits (and is retried)
            # instead of creating a second numbering
            self.env.cr.execute(
                "SELECT id FROM property_project WHERE id = %s FOR UPDATE",
                [self.id],
            )
            self.sudo().ticket_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Tickets of %s", self.name),
                        "code": f"property.ticket.{self.id}",
                        "prefix": f"{self.code or 'T'}-%(year)s-",
                        "padding": 5,
                        "implementation": "no_gap",
                        "company_id": self.company_id.id,
                    }
                )
            )
        return self.ticket_sequence_id.sudo()

    def _take_ticket_number(self):
        """The next ticket number of the project, taken in one statement: the
        sequence row stays locked until the ticket's transaction ends, so a
        concurrent save waits, and a failed save gives the number back."""
        self.ensure_one()
        sequence = self._get_ticket_sequence()
        sequence.flush_recordset(["number_next", "number_increment"])
        self.env.cr.execute(
            "UPDATE ir_sequence SET number_next = number_next + number_increment "
            "WHERE id = %s RETURNING number_next - number_increment",
            [sequence.id],
        )
        number = self.env.cr.fetchone()[0]
        sequence.invalidate_recordset(["number_next"])
        return sequence.get_next_char(number)

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_unit_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_view_buildings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_building_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_view_key_customers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_unit_partner_action_key_customer"
        )
        action["domain"] = [
            ("project_id", "=", self.id),
            ("partner_id.is_key_customer", "=", True),
            ("is_current", "=", True),
        ]
        return action

    # ------------------------------------------------------------------
    # SLA working time (D-7)
    # ------------------------------------------------------------------
    def _sla_work_intervals(self, start_dt, end_dt):
        """Return the SLA working intervals between two naive UTC datetimes
        as a list of aware (start, stop) pairs: the calendar's attendances in
        the project's timezone, minus its global leaves (holidays), plus its
        make-up working days (调休). Only meaningful with a calendar (D-7)."""
        self.ensure_one()
        calendar = self.sla_calendar_id
        tz = pytz.timezone(self.tz or "UTC")
        start = pytz.utc.localize(start_dt)
        end = pytz.utc.localize(end_dt)
        intervals = calendar._work_intervals_batch(start, end, tz=tz)[False]
        makeups = self.env["property.calendar.makeup"].search(
            [
                ("calendar_id", "=", calendar.id),
                ("date", ">=", start.astimezone(tz).date()),
                ("date", "<=", end.astimezone(tz).date()),
            ]
        )
        extra = []
        no_records = self.env["resource.calendar.attendance"]
        for makeup in makeups:
            midnight = datetime.combine(makeup.date, time.min)
            for hour_from, hour_to in makeup._get_hour_ranges():
                day_start = max(
                    tz.localize(midnight + timedelta(hours=hour_from)), start
                )
                day_end = min(tz.localize(midnight + timedelta(hours=hour_to)), end)
                if day_start < day_end:
                    extra.append((day_start, day_end, no_records))
        merged = intervals | type(intervals)(extra)
        return [(begin, stop) for begin, stop, _records in merged]

    def _sla_add_minutes(self, start_dt, minutes):
        """Return the naive UTC datetime N SLA working minutes after
        ``start_dt`` (D-7). Without a calendar the clock is 24/7 and this is
        a plain timedelta; with one, working intervals are walked window by
        window (holidays skipped, make-up days counted). False when the
        calendar has no working time within a year."""
        self.ensure_one()
        if not start_dt:
            return False
        if not self.sla_calendar_id or not minutes:
            return start_dt + timedelta(minutes=minutes)
        remaining = timedelta(minutes=minutes)
        window_start = start_dt
        span = timedelta(days=14)
        for _window in range(27):
            window_end = window_start + span
            for begin, stop in self._sla_work_intervals(window_start, window_end):
                if stop - begin >= remaining:
                    result = begin + remaining
                    return result.astimezone(pytz.utc).replace(tzinfo=None)
                remaining -= stop - begin
            window_start = window_end
        return False

    def _sla_working_minutes(self, start_dt, end_dt):
        """Return the SLA working minutes between two naive UTC datetimes
        (D-7): elapsed minutes on a 24/7 clock, working minutes otherwise."""
        self.ensure_one()
        if not start_dt or not end_dt or end_dt <= start_dt:
            return 0
        if not self.sla_calendar_id:
            return round((end_dt - start_dt).total_seconds() / 60)
        total = sum(
            (
                stop - begin
                for begin, stop in self._sla_work_intervals(start_dt, end_dt)
            ),
            timedelta(),
        )
        return round(total.total_seconds() / 60)
