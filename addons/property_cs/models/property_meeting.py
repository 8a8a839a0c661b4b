# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext, is_html_empty

MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]


class PropertyMeeting(models.Model):
    """A meeting with the owners' committee (D-23) or a coordination meeting
    with the developer (D-22): agenda, minutes and action items.

    Planned → held (with minutes, the record kept in writing) or
    cancelled; the state changes only through the action methods. The
    members of the project's current committee read the agenda of planned
    meetings and the minutes and action items of held ones in the portal."""

    _name = "property.meeting"
    _description = "Meeting"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date desc, id desc"
    _workflow_fields = ("state",)

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [("committee", "Owners' Committee"), ("developer", "Developer")],
        required=True,
        default="committee",
        tracking=True,
    )
    project_id = fields.Many2one(
        "property.project", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    committee_id = fields.Many2one(
        "property.committee",
        index=True,
        tracking=True,
        domain="[('project_id', '=', project_id)]",
    )
    developer_partner_id = fields.Many2one("res.partner", string="Developer")
    date = fields.Datetime(required=True, tracking=True)
    duration = fields.Float(default=1.5, help="Planned length in hours.")
    location = fields.Char(tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Organiser",
        default=lambda self: self.env.user,
        tracking=True,
    )
    staff_user_ids = fields.Many2many(
        "res.users",
        "property_meeting_staff_rel",
        "meeting_id",
        "user_id",
        string="Staff Attending",
    )
    attendee_partner_ids = fields.Many2many(
        "res.partner",
        "property_meeting_attendee_rel",
        "meeting_id",
        "partner_id",
        string="Other Attendees",
        help="Committee members, developer representatives or guests.",
    )
    attendee_count = fields.Integer(compute="_compute_attendee_count")
    agenda = fields.Html()
    minutes = fields.Html()
    state = fields.Selection(
        MEETING_STATES,
        default="planned",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    date_held = fields.Date(readonly=True, copy=False)
    action_ids = fields.One2many(
        "property.meeting.action", "meeting_id", string="Action Items"
    )
    open_action_count = fields.Integer(compute="_compute_open_action_count")
    calendar_event_id = fields.Many2one("calendar.event", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # Computes, onchanges
    # ------------------------------------------------------------------
    @api.depends("staff_user_ids", "attendee_partner_ids")
    def _compute_attendee_count(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.staff_user_ids) + len(
                meeting.attendee_partner_ids
            )

    @api.depends("action_ids.state")
    def _compute_open_action_count(self):
        for meeting in self:
            meeting.open_action_count = len(
                meeting.action_ids.filtered(lambda a: a.state == "open")
            )

    @api.onchange("project_id", "kind")
    def _onchange_project_kind(self):
        for meeting in self:
            if not meeting.project_id:
                continue
            if meeting.kind == "committee" and (
                meeting.committee_id.project_id != meeting.project_id
            ):
                meeting.committee_id = self.env[
                    "property.committee"
                ]._current_for_project(meeting.project_id)
            if meeting.kind == "developer" and not meeting.developer_partner_id:
                meeting.developer_partner_id = meeting.project_id.developer_partner_id

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Committee = self.env["property.committee"]
        Project = self.env["property.project"]
        for vals in vals_list:
            kind = vals.get("kind") or self.default_get(["kind"]).get("kind")
            project = Project.browse(vals.get("project_id"))
            if kind == "committee" and not vals.get("committee_id") and project:
                day = fields.Datetime.to_datetime(vals.get("date")) or False
                vals["committee_id"] = Committee._current_for_project(
                    project, day and day.date()
                ).id
            if kind == "developer" and not vals.get("developer_partner_id"):
                vals["developer_partner_id"] = project.developer_partner_id.id
        return super().create(vals_list)

    @api.constrains("kind", "committee_id", "project_id")
    def _check_committee(self):
        for meeting in self:
            if meeting.kind != "committee":
                continue
            if not meeting.committee_id:
                raise ValidationError(
                    self.env._(
                        "A meeting with the owners' committee needs the "
                        "committee: %(project)s has none for that date.",
                        project=meeting.project_id.display_name,
                    )
                )
            if meeting.committee_id.project_id != meeting.project_id:
                raise ValidationError(
                    self.env._("The committee of a meeting belongs to its project.")
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_held(self):
        """Record the meeting as held: its minutes are required (important
        matters in writing, D-23); the minutes of a committee meeting, read
        by the members in the portal, hold no phone or identity number."""
        for meeting in self:
            if meeting.state != "planned":
                raise UserError(
                    self.env._("Only a planned meeting can be recorded as held.")
                )
            if is_html_empty(meeting.minutes):
                raise UserError(
                    self.env._(
                        "Write the minutes of %(meeting)s before recording it as held.",
                        meeting=meeting.display_name,
                    )
                )
            found = (
                self.env["property.committee.report"]._numbers_found(
                    html2plaintext(meeting.minutes)
                )
                if meeting.kind == "committee"
                else []
            )
            if found:
                raise UserError(
                    self.env._(
                        "The minutes are read by the committee members in the "
                        "portal: remove %(found)s first.",
                        found="; ".join(found),
                    )
                )
            meeting._workflow_write(
                {
                    "state": "held",
                    "date_held": fields.Date.context_today(meeting, meeting.date),
                }
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda m: m.state != "planned"):
            raise UserError(self.env._("Only a planned meeting can be cancelled."))
        self.action_ids.filtered(lambda a: a.state == "open").action_cancel()
        self._workflow_write({"state": "cancelled"})
        self.calendar_event_id.sudo().action_archive()
        return True

    def action_reset(self):
        """Back to planned (a cancelled meeting re-scheduled, or held
        minutes to correct)."""
        if self.filtered(lambda m: m.state == "planned"):
            raise UserError(self.env._("The meeting is already planned."))
        self._workflow_write({"state": "planned", "date_held": False})
        return True

    def action_schedule_calendar(self):
        """Put the meeting in the calendars of the staff attending and of
        the other attendees (a calendar.event, moved with the meeting)."""
        for meeting in self:
            partners = meeting.staff_user_ids.partner_id | meeting.attendee_partner_ids
            vals = {
                "name": meeting.name,
                "start": meeting.date,
                "stop": meeting.date + timedelta(hours=meeting.duration or 1.0),
                "location": meeting.location or False,
                "user_id": (meeting.user_id or self.env.user).id,
                "partner_ids": [Command.set(partners.ids)],
                "res_model_id": self.env["ir.model"]._get_id(meeting._name),
                "res_id": meeting.id,
            }
            if meeting.calendar_event_id:
                meeting.calendar_event_id.write(vals)
            else:
                meeting.calendar_event_id = (
                    self.env["calendar.event"]
                    .with_context(no_mail_to_attendees=True)
                    .create(vals)
                )
        return True

    def action_open_actions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Action Items"),
            "res_model": "property.meeting.action",
            "view_mode": "list,form",
            "domain": [("meeting_id", "=", self.id)],
            "context": {"default_meeting_id": self.id},
        }

    def write(self, vals):
        res = super().write(vals)
        if self.calendar_event_id and {"date", "duration", "name", "location"} & set(
            vals
        ):
            self.filtered("calendar_event_id").action_schedule_calendar()
        return res

    def _portal_values(self, partner):
        """A committee meeting as a member reads it: agenda, minutes once
        held, the action items, and who attended among the committee's
        members and the staff (names only)."""
        self.ensure_one()
        members = self.committee_id.sudo().member_ids.partner_id
        return {
            "meeting": self,
            "attendee_names": [
                p.name for p in self.sudo().attendee_partner_ids if p in members
            ],
            "staff_names": self.sudo().staff_user_ids.mapped("name"),
            "actions": self.action_ids.filtered(lambda a: a.state != "cancelled"),
            "partner": partner,
        }
