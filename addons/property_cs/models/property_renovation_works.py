# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .constants import GROUP_MANAGER

GROUP_ADMIN = "property_cs.group_property_cs_admin"

# a permit whose works may be inspected: approved, or stopped (a stop-work
# order must itself be checked on site)
INSPECTED_STATES = ("approved", "stopped")


class PropertyRenovation(models.Model):
    """A renovation during works and at completion (D-20, domain_standards
    D5, D7, D8).

    - Patrols: a daily cron creates the patrol of each permit whose works
      are under way (approved or stopped: a stop-work order needs checking
      too) on the days of the project's cadence between the start and the
      (extended) end, once per permit and day, with an activity for the
      inspector (``_cron_renovation_inspections``).
    - Violations with a rectification deadline on the deadline engine; a
      violation may stop the works (state stopped, with the reason) and the
      works resume once it is rectified (``action_resume_work``).
    - Extensions of the end date requested by the applicant or the desk,
      decided by the project manager.
    - Completion: the applicant or the desk asks for acceptance (approved
      -> completion); the acceptance passes (-> accepted, the hook
      ``_renovation_on_accepted``) or fails (-> approved, rectify and ask
      again).

    What the property company may do about a renovation is this closed
    list: inspect, record a violation with a deadline, stop the works by a
    written order, propose a deduction from the deposit, accept or refuse
    the completion. Nothing here cuts water, power or gas, blocks workers or
    materials, or touches the unit's or the owner's access (D5)."""

    _inherit = "property.renovation"

    date_end_extended = fields.Date(
        string="Extended End",
        readonly=True,
        copy=False,
        tracking=True,
        help="The end date of the latest approved extension.",
    )
    date_end_effective = fields.Date(
        string="Works End",
        compute="_compute_date_end_effective",
        store=True,
        help="The planned end, or the extended end when an extension was approved.",
    )
    stop_reason = fields.Text(
        string="Reason for Stopping Works", readonly=True, copy=False, tracking=True
    )
    date_stopped = fields.Datetime(string="Stopped On", readonly=True, copy=False)
    stop_violation_id = fields.Many2one(
        "property.renovation.violation",
        string="Stopped For",
        readonly=True,
        copy=False,
    )
    date_completion_requested = fields.Datetime(
        string="Acceptance Requested On", readonly=True, copy=False
    )
    date_completed = fields.Date(
        string="Accepted On", readonly=True, copy=False, tracking=True
    )
    inspection_ids = fields.One2many(
        "property.renovation.inspection", "renovation_id", string="Inspections"
    )
    violation_ids = fields.One2many(
        "property.renovation.violation", "renovation_id", string="Violations"
    )
    extension_ids = fields.One2many(
        "property.renovation.extension", "renovation_id", string="Extensions"
    )
    inspection_count = fields.Integer(compute="_compute_works_counts")
    violation_count = fields.Integer(compute="_compute_works_counts")
    open_violation_count = fields.Integer(
        string="Violations to Rectify", compute="_compute_works_counts"
    )
    today_inspection = fields.Selection(
        [
            ("not_due", "Not Due Today"),
            ("planned", "To Inspect"),
            ("ok", "Inspected: OK"),
            ("violation", "Inspected: Violation"),
        ],
        string="Today's Patrol",
        compute="_compute_today_inspection",
    )

    @api.depends("date_end", "date_end_extended")
    def _compute_date_end_effective(self):
        for renovation in self:
            renovation.date_end_effective = (
                renovation.date_end_extended or renovation.date_end
            )

    @api.depends("inspection_ids", "violation_ids.state")
    def _compute_works_counts(self):
        for renovation in self:
            renovation.inspection_count = len(renovation.inspection_ids)
            renovation.violation_count = len(renovation.violation_ids)
            renovation.open_violation_count = len(
                renovation.violation_ids.filtered(lambda v: v._is_open())
            )

    def _compute_today_inspection(self):
        """The status of today's patrol for the daily list."""
        patrols = self.env["property.renovation.inspection"].search(
            [
                ("renovation_id", "in", self.ids),
                ("kind", "=", "patrol"),
                ("date", "=", self._works_today()),
            ]
        )
        by_renovation = {p.renovation_id.id: p for p in patrols}
        for renovation in self:
            patrol = by_renovation.get(renovation.id)
            if not patrol:
                renovation.today_inspection = "not_due"
            elif patrol.state != "done":
                renovation.today_inspection = "planned"
            else:
                renovation.today_inspection = patrol.result or "ok"

    def _company_env(self):
        """The environment in the company's language, for what the system
        writes (activities, notes)."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    @api.model
    def _works_today(self):
        """Today in the company's time zone."""
        return self.env["property.unit.partner"]._property_today()

    # ------------------------------------------------------------------
    # PATROLS
    # ------------------------------------------------------------------
    def _inspection_due_on(self, day):
        """Whether a patrol of this permit is due on ``day``: works under
        way, between the start and the (extended) end, on the project's
        cadence counted from the start (D7)."""
        self.ensure_one()
        if self.state not in INSPECTED_STATES or not self.date_start:
            return False
        end = self.date_end_effective or self.date_start
        if not (self.date_start <= day <= end):
            return False
        every = max(self.project_id.renovation_inspection_days, 1)
        return (day - self.date_start).days % every == 0

    @api.model
    def _cron_renovation_inspections(self, day=None):
        """Create today's due patrols (once per permit and day, however
        often it runs), each with an activity for the project's inspector."""
        day = day or self._works_today()
        candidates = self.sudo().search(
            [
                ("state", "in", INSPECTED_STATES),
                ("date_start", "<=", day),
                ("date_end_effective", ">=", day),
            ]
        )
        due = candidates.filtered(lambda r: r._inspection_due_on(day))
        Inspection = self.env["property.renovation.inspection"].sudo()
        done = set(
            Inspection.search(
                [
                    ("renovation_id", "in", due.ids),
                    ("kind", "=", "patrol"),
                    ("date", "=", day),
                ]
            ).renovation_id.ids
        )
        todo = due.filtered(lambda r: r.id not in done)
        if not todo:
            return Inspection
        return Inspection.create(
            [
                renovation._prepare_inspection_values("patrol", day)
                for renovation in todo
            ]
        )

    def _prepare_inspection_values(self, kind, day):
        self.ensure_one()
        return {
            "renovation_id": self.id,
            "kind": kind,
            "date": day,
            "user_id": self.project_id._renovation_inspector().id,
        }

    # ------------------------------------------------------------------
    # STOP AND RESUME
    # ------------------------------------------------------------------
    def _works_stop(self, reason, violation=None):
        """Stop the works by a written order: state stopped with the reason
        (tracked). Only the works stop: utilities, access and workers' passes
        are untouched (D5)."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(self.env._("Only works under way can be stopped."))
        if not reason:
            raise UserError(self.env._("A stop-work order needs a reason."))
        self.check_access("write")
        self._workflow_write({"state": "stopped"})
        self.write(
            {
                "stop_reason": reason,
                "date_stopped": fields.Datetime.now(),
                "stop_violation_id": violation.id if violation else False,
            }
        )

    def action_resume_work(self):
        """Let stopped works resume once the violation that stopped them is
        rectified."""
        for renovation in self:
            if renovation.state != "stopped":
                raise UserError(self.env._("Only stopped works can resume."))
            violation = renovation.stop_violation_id
            if violation and violation._is_open():
                raise UserError(
                    self.env._(
                        "The works resume once the violation that stopped "
                        "them is rectified."
                    )
                )
            renovation._workflow_write({"state": "approved"})
            renovation.message_post(
                body=self.env._("Works resumed."), subtype_xmlid="mail.mt_note"
            )
        return True

    # ------------------------------------------------------------------
    # EXTENSIONS
    # ------------------------------------------------------------------
    def _request_extension(self, date_end, reason, partner=None):
        """Record a request to move the end of the works; the project
        manager decides it."""
        self.ensure_one()
        if self.state not in INSPECTED_STATES:
            raise UserError(self.env._("Only works under way can be extended."))
        date_end = fields.Date.to_date(date_end)
        current = self.date_end_effective or self.date_start
        if not date_end or (current and date_end <= current):
            raise UserError(
                self.env._("The new end date must be after the current end date.")
            )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the extension."))
        return (
            self.env["property.renovation.extension"]
            .sudo()
            .create(
                {
                    "renovation_id": self.id,
                    "date_end_requested": date_end,
                    "reason": reason.strip(),
                    "partner_id": (partner or self.applicant_id).id,
                    "channel": "portal" if partner else "desk",
                }
            )
        )

    def _portal_request_extension(self, partner, date_end, reason):
        """The applicant or owner asks for an extension from the portal;
        the permit is read with their rights (record rules)."""
        self.ensure_one()
        self.check_access("read")
        return self.sudo()._request_extension(date_end, reason, partner=partner)

    def _portal_works_values(self):
        """What the permit's portal page shows of the works (read as
        superuser after the page's access check): its violations, each
        linking to its answer page, and its extension requests."""
        self.ensure_one()
        return {
            "violations": self.violation_ids,
            "extensions": self.extension_ids,
            "can_request_acceptance": self.state == "approved"
            and not self.open_violation_count,
            "can_request_extension": self.state in INSPECTED_STATES,
        }

    def action_request_extension(self):
        """Open a new extension request for this permit."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.renovation.extension",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_renovation_id": self.id},
        }

    # ------------------------------------------------------------------
    # COMPLETION AND ACCEPTANCE
    # ------------------------------------------------------------------
    def _request_acceptance(self):
        """The works are finished: approved -> awaiting acceptance, with an
        acceptance inspection for the project's inspector. Refused while a
        violation is still to be rectified."""
        self.ensure_one()
        if self.state != "approved":
            raise UserError(
                self.env._("Only works under way can be handed in for acceptance.")
            )
        open_violations = self.violation_ids.filtered(lambda v: v._is_open())
        if open_violations:
            raise UserError(
                self.env._(
                    "Rectify these violations before asking for acceptance: "
                    "%(violations)s",
                    violations=", ".join(open_violations.mapped("display_name")),
                )
            )
        self._workflow_write({"state": "completion"})
        self.write({"date_completion_requested": fields.Datetime.now()})
        return (
            self.env["property.renovation.inspection"]
            .sudo()
            .create(self._prepare_inspection_values("acceptance", self._works_today()))
        )

    def action_request_acceptance(self):
        """Staff hand in the finished works for acceptance."""
        self.check_access("write")
        for renovation in self:
            renovation._request_acceptance()
        return True

    def _portal_request_acceptance(self, partner):
        """The applicant or owner asks for acceptance from the portal."""
        self.ensure_one()
        self.check_access("read")
        return self.sudo()._request_acceptance()

    def _works_accept(self, acceptance):
        """The acceptance passed: completion date, state accepted, then the
        hook ``_renovation_on_accepted`` once."""
        self.ensure_one()
        if self.state != "completion":
            raise UserError(self.env._("The works are not awaiting acceptance."))
        self._workflow_write({"state": "accepted"})
        self.write({"date_completed": acceptance.date or self._works_today()})
        self._renovation_on_accepted()

    def _works_refuse(self, acceptance, reason):
        """The acceptance failed: back to works permitted, the reason
        posted; the inspector re-inspects once the applicant asks again."""
        self.ensure_one()
        if self.state != "completion":
            raise UserError(self.env._("The works are not awaiting acceptance."))
        self._workflow_write({"state": "approved"})
        self.message_post(
            body=self.env._(
                "Acceptance failed: %(reason)s. Rectify and ask for acceptance again.",
                reason=reason,
            ),
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.applicant_id.ids,
        )

    def _renovation_on_accepted(self):
        """Called once when the acceptance passes (state accepted). Base:
        the unit keeps the completion date, the warranty dates (the
        project's years, 2 by default, 5 for waterproofing, D8) and the
        contractor, and has no current renovation any more. Other parts
        (the deposit's refund) extend it with super()."""
        for renovation in self:
            project = renovation.project_id
            done = renovation.date_completed or renovation._works_today()
            waterproof = any(renovation.scope_ids.mapped("waterproofing"))
            unit = renovation.unit_id.sudo()
            values = {
                "renovation_last_id": renovation.id,
                "renovation_date_completed": done,
                "renovation_warranty_until": done
                + relativedelta(years=project.renovation_warranty_years),
                "renovation_waterproof_warranty_until": waterproof
                and done
                + relativedelta(years=project.renovation_waterproof_warranty_years),
                "renovation_contractor": renovation.uses_contractor
                and renovation.contractor_name
                or False,
            }
            if unit.current_renovation_id in (renovation, self.browse()):
                values.update(current_renovation_id=False, renovation_state="none")
            unit.write(values)

    def action_view_inspections(self):
        """The permit's patrols and acceptances."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_cs.property_renovation_inspection_action"
        )
        action["domain"] = [("renovation_id", "=", self.id)]
        action["context"] = {"default_renovation_id": self.id}
        return action

    @api.model
    def _is_project_manager(self, project):
        """The project's manager (or an administrator) decides."""
        user = self.env.user
        return (
            user == project.manager_id
            or user.has_group(GROUP_ADMIN)
            or (user.has_group(GROUP_MANAGER) and project in user.property_project_ids)
        )

    def _rectification_default_deadline(self):
        """End of the project's rectification period from now."""
        self.ensure_one()
        days = max(self.project_id.renovation_rectification_days, 0)
        return fields.Datetime.now() + timedelta(days=days)
