# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

WARRANTY_DEFECT_STATES = [
    ("draft", "Recorded"),
    ("handed", "Passed to Developer"),
    ("fixed", "Fixed, to Verify"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
WARRANTY_DEFECT_KINDS = [
    ("defect", "Warranty Defect"),
    ("complaint", "Quality Complaint"),
]
# what a developer contact may never be shown: phone numbers (mobile and
# landline) and identity numbers in the texts handed over
PHONE_PATTERN = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
IDENTITY_PATTERN = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)")
# the fields the developer sees: the unit and the description, never the
# owner (tests check the portal reads nothing else)
HANDED_TEXT_FIELDS = ("room", "item", "description")
# the fields only staff read (owner, their request, the handover record)
STAFF_ONLY = "base.group_user"


class PropertyWarrantyDefect(models.Model):
    """A defect under the developer's warranty (D-19, D-22): found in the
    joint inspection at handover or reported later by the owner, passed to
    the developer with a due date (an obligation on the deadline engine,
    target "warranty"), followed until fixed and verified; the owner is
    told of each step in their language.

    A quality complaint of an owner passed to the developer is a record of
    the same model (kind "complaint"): the developer answers it, the
    answer is recorded on the complaint for the reply to the owner.

    Developer contacts are portal users: they read and answer the items
    handed to their company (record rules), which show the unit and the
    description only; the owner, the request and the handover record are
    staff-only fields, and the texts handed over are checked for phone and
    identity numbers and the owner's name (domain_standards D8 for the
    periods, see property_warranty_category.py)."""

    _name = "property.warranty.defect"
    _description = "Warranty Defect"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)
    _mail_post_access = "read"  # developer contacts write in its history

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
    kind = fields.Selection(
        WARRANTY_DEFECT_KINDS, required=True, default="defect", tracking=True
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True, ondelete="restrict"
    )
    unit_name = fields.Char(
        string="Unit Name",
        related="unit_id.complete_name",
        help="The unit as the developer sees it.",
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    project_name = fields.Char(related="project_id.name", string="Project Name")
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    handover_id = fields.Many2one(
        "property.handover",
        index=True,
        ondelete="set null",
        readonly=True,
        groups=STAFF_ONLY,
    )
    ticket_id = fields.Many2one(
        "property.ticket",
        string="Request",
        index=True,
        ondelete="set null",
        groups=STAFF_ONLY,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        groups=STAFF_ONLY,
        help="Told of each step in their language; never shown to the developer.",
    )
    category_id = fields.Many2one("property.warranty.category", tracking=True)
    date_found = fields.Date(
        string="Found On",
        required=True,
        default=lambda self: self.env["property.unit.partner"]._property_today(),
        help="The day the defect was found or reported: the warranty is "
        "judged on this day.",
    )
    room = fields.Char()
    item = fields.Char(required=True)
    description = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_warranty_defect_attachment_rel",
        "defect_id",
        "attachment_id",
        string="Photos",
    )
    severity = fields.Selection(
        [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")],
        default="minor",
        required=True,
        tracking=True,
    )
    developer_partner_id = fields.Many2one(
        "res.partner",
        string="Developer",
        index=True,
        tracking=True,
        compute="_compute_developer_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('is_company', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Followed by",
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain="[('share', '=', False)]",
        tracking=True,
        help="The staff member who follows the defect with the developer; "
        "warned before the due date.",
    )
    state = fields.Selection(
        WARRANTY_DEFECT_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
    )
    date_handed = fields.Datetime(string="Passed On", readonly=True, copy=False)
    date_due = fields.Date(string="Repair Due", tracking=True, copy=False)
    developer_answer = fields.Text(readonly=True, copy=False, tracking=True)
    date_answered = fields.Datetime(readonly=True, copy=False)
    date_planned = fields.Date(
        string="Planned Repair", readonly=True, copy=False, tracking=True
    )
    fix_note = fields.Text(string="Repair Report", readonly=True, copy=False)
    date_fixed = fields.Datetime(string="Repaired On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Verified On", readonly=True, copy=False)
    closed_by_id = fields.Many2one(
        "res.users", string="Verified by", readonly=True, copy=False
    )
    reopen_count = fields.Integer(readonly=True, copy=False)
    reopen_reason = fields.Text(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False)
    warranty_until = fields.Date(
        compute="_compute_warranty",
        compute_sudo=True,
        help="Last day of the developer's warranty of this category, counted "
        "from the unit's handover.",
    )
    is_within_warranty = fields.Boolean(
        string="Within Warranty", compute="_compute_warranty", compute_sudo=True
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )

    # ------------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------------
    @api.depends("handover_id.partner_id", "ticket_id.partner_id", "unit_id")
    def _compute_partner_id(self):
        """The owner: the handover's, else the request's, else the unit's
        current owner."""
        Link = self.env["property.unit.partner"].sudo()
        for defect in self.sudo():
            partner = defect.handover_id.partner_id or defect.ticket_id.partner_id
            if not partner and defect.unit_id and not defect.partner_id:
                partner = Link.search(
                    [
                        ("unit_id", "=", defect.unit_id.id),
                        ("role", "=", "owner"),
                        ("is_current", "=", True),
                    ],
                    limit=1,
                ).partner_id
            defect.partner_id = partner or defect.partner_id

    @api.depends("unit_id")
    def _compute_developer_partner_id(self):
        for defect in self:
            if not defect.developer_partner_id:
                defect.developer_partner_id = (
                    defect.unit_id.project_id.sudo().developer_partner_id
                )

    @api.depends("category_id.months", "unit_id.date_handover", "date_found")
    def _compute_warranty(self):
        today = self.env["property.unit.partner"]._property_today()
        for defect in self:
            category, handed = defect.category_id, defect.unit_id.date_handover
            day = defect.date_found or today
            defect.warranty_until = (
                category._warranty_until(handed) if category else False
            )
            defect.is_within_warranty = not category or category._is_within_warranty(
                handed, day
            )

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = self.env["property.unit.partner"]._property_today()
        for defect in self:
            defect.is_overdue = bool(
                defect.state == "handed" and defect.date_due and defect.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue defects."))
        today = self.env["property.unit.partner"]._property_today()
        domain = [("state", "=", "handed"), ("date_due", "<", today)]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for defect in self:
            defect.access_url = f"/my/developer/{defect.id}"
        return res

    @api.depends("name", "item", "unit_name")
    def _compute_display_name(self):
        for defect in self:
            defect.display_name = " · ".join(
                part for part in (defect.name, defect.unit_name, defect.item) if part
            )

    @api.constrains("date_due", "date_handed")
    def _check_date_due(self):
        for defect in self:
            if (
                defect.date_due
                and defect.date_handed
                and defect.date_due < defect.date_handed.date()
            ):
                raise ValidationError(
                    self.env._("The repair cannot be due before it was passed on.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .next_by_code("property.warranty.defect")
                    or "/"
                )
        defects = super().create(vals_list)
        defects._attach_photos()
        # an item recorded as already passed on (imported, demo) is on the
        # deadline engine at once
        self.env["property.deadline"]._deadline_sync(defects, created=True)
        return defects

    def write(self, vals):
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._attach_photos()
        if {"date_due", "state", "user_id", "reopen_count"} & set(vals):
            self.env["property.deadline"]._deadline_sync(self)
        return res

    def _attach_photos(self):
        """The photos uploaded for a defect belong to it: whoever may read
        the defect may read its photos (uploads of a defect not saved yet
        have no record). Files attached to another record stay theirs."""
        for defect in self:
            photos = defect.sudo().attachment_ids.filtered(
                lambda a, defect=defect: (
                    a.res_model in (False, defect._name)
                    and not a.res_id
                    and not a.res_field
                )
            )
            if photos:
                photos.write({"res_model": defect._name, "res_id": defect.id})

    def _company_env(self):
        """The environment in the company's language (notes, activities)."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    def _partner_env(self, partner):
        """The environment in ``partner``'s language, else the company's."""
        lang = partner.sudo().lang or self[:1].company_id._property_lang()
        return self.with_context(lang=lang).env

    @api.model
    def _today(self):
        return self.env["property.unit.partner"]._property_today()

    # ------------------------------------------------------------------
    # THE DEADLINE ENGINE
    # ------------------------------------------------------------------
    def _due_datetime(self):
        """The end of the due day in the project's time zone, in UTC."""
        self.ensure_one()
        tz = pytz.timezone(self.project_id.tz or "Asia/Shanghai")
        local = tz.localize(datetime.combine(self.date_due, time(23, 59, 59)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _deadline_specs(self):
        """The repair on the deadline engine (target "warranty"): from the
        hand-off to the end of the due day, met when the developer reports
        it fixed; one cycle per hand-off (a reopened defect starts a new
        one). The follower is warned the project's days before (at most half
        the time given), the project manager and head office are told the
        project's days after; the breach itself reacts by a base.automation
        rule (``_warranty_overdue``)."""
        specs = []
        for defect in self.sudo():
            if defect.state in ("draft", "cancelled") or not defect.date_due:
                continue
            project = defect.project_id
            start = defect.date_handed or fields.Datetime.now()
            due = defect._due_datetime()
            start = min(start, due)
            span = int((due - start).total_seconds() // 60)
            head_office = project.warranty_head_office_days
            specs.append(
                {
                    "res_id": defect.id,
                    "target": "warranty",
                    "cycle": defect.reopen_count,
                    "name": defect.display_name,
                    "company_id": defect.company_id.id,
                    "project_id": project.id,
                    "user_id": defect.user_id.id,
                    "date_start": start,
                    "date_fixed": due,
                    "state": "running" if defect.state == "handed" else "met",
                    "date_met": defect.date_fixed,
                    "warning_minutes": min(
                        max(project.warranty_warning_days, 0) * 1440, span // 2
                    ),
                    "supervisor_minutes": -1,
                    "manager_minutes": max(project.warranty_manager_days, 0) * 1440,
                    "head_office_minutes": head_office * 1440
                    if head_office > 0
                    else -1,
                }
            )
        return specs

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def _check_state(self, states, message):
        for defect in self:
            if defect.state not in states:
                raise UserError(message)

    def action_fixed(self):
        """Staff record that the developer repaired the defect."""
        self.check_access("write")
        return self._record_fixed()

    def action_close(self):
        """Verify the repair (or, for a complaint, the developer's answer)
        and close the item; the owner is told."""
        for defect in self:
            if defect.kind == "complaint":
                if (
                    defect.state not in ("handed", "fixed")
                    or not defect.developer_answer
                ):
                    raise UserError(
                        self.env._(
                            "A complaint closes once the developer has answered."
                        )
                    )
            elif defect.state != "fixed":
                raise UserError(self.env._("Only a repaired defect can be verified."))
        self.check_access("write")
        self._workflow_write(
            {
                "state": "closed",
                "date_closed": fields.Datetime.now(),
                "closed_by_id": self.env.uid,
            }
        )
        for defect in self.sudo():
            defect.activity_ids.action_feedback()
            defect._notify_owner("closed")
        return True

    def action_reopen(self, reason=None):
        """The repair is not accepted or the defect came back: the defect
        goes back to the developer with a new due date (a new cycle on the
        deadline engine); the developer and the owner are told."""
        self._check_state(
            ("fixed", "closed"),
            self.env._("Only a repaired or closed item can be reopened."),
        )
        self.check_access("write")
        now = fields.Datetime.now()
        for defect in self:
            defect._workflow_write(
                {
                    "state": "handed",
                    "reopen_count": defect.reopen_count + 1,
                    "reopen_reason": reason or defect.reopen_reason,
                    "date_handed": now,
                    "date_due": defect._default_date_due(),
                    "date_fixed": False,
                    "date_closed": False,
                    "closed_by_id": False,
                }
            )
            env = defect._partner_env(defect.developer_partner_id)
            defect.sudo().message_post(
                body=env._(
                    "Passed to you again: %(item)s in %(unit)s, repair due by "
                    "%(date)s.%(reason)s",
                    item=defect.item,
                    unit=defect.unit_name,
                    date=format_date(env, defect.date_due),
                    reason=(" " + reason) if reason else "",
                ),
                partner_ids=defect._developer_contacts().ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            defect.sudo()._notify_owner("reopened")
        return True

    def action_cancel(self, reason=None):
        """Stop following the item (recorded by mistake, not the
        developer's); the deadline is cancelled."""
        self._check_state(
            ("draft", "handed"), self.env._("Only an open item can be cancelled.")
        )
        self.check_access("write")
        was_handed = self.filtered(lambda d: d.state == "handed")
        self._workflow_write({"state": "cancelled", "cancel_reason": reason or False})
        for defect in was_handed.sudo():
            defect._notify_owner("cancelled")
        return True

    def action_open_answer(self):
        """Take down the developer's answer given by phone or in a meeting."""
        return self._open_step_wizard("answer")

    def action_open_reopen(self):
        return self._open_step_wizard("reopen")

    def action_open_cancel(self):
        return self._open_step_wizard("cancel")

    def _open_step_wizard(self, step):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.warranty.defect.step",
            "view_mode": "form",
            "target": "new",
            "context": {"default_defect_id": self.id, "default_step": step},
        }
