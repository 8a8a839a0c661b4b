# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .constants import RENOVATION_COMMON_AREA_ITEMS, RENOVATION_INSPECTION_KINDS


class PropertyRenovationInspection(models.Model):
    """A patrol of a renovation under way, or the acceptance of finished
    works (D-20, domain_standards D7): the checklist of the prohibited works
    (and, for acceptance, the common areas), photos, notes and the result.
    Patrols are created by the daily cron at the project's cadence, once
    per permit and day, each with an activity for the inspector."""

    _name = "property.renovation.inspection"
    _description = "Renovation Inspection"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "date desc, id desc"
    _workflow_fields = ("state",)
    # staff who only read inspections (finance, head office) see their
    # to-dos and may leave a note; owners have no access to inspections
    _mail_post_access = "read"

    renovation_id = fields.Many2one(
        "property.renovation",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    unit_id = fields.Many2one(related="renovation_id.unit_id", store=True)
    project_id = fields.Many2one(
        related="renovation_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    kind = fields.Selection(
        RENOVATION_INSPECTION_KINDS, required=True, default="patrol", readonly=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Inspector",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("planned", "To Inspect"), ("done", "Done")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_done = fields.Datetime(string="Inspected On", readonly=True, copy=False)
    line_ids = fields.One2many(
        "property.renovation.inspection.line", "inspection_id", string="Checklist"
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_inspection_attachment_rel",
        "inspection_id",
        "attachment_id",
        string="Photos",
    )
    note = fields.Text(string="Notes")
    result = fields.Selection(
        [
            ("ok", "OK"),
            ("violation", "Violation"),
            ("passed", "Passed"),
            ("failed", "Failed"),
        ],
        readonly=True,
        tracking=True,
        copy=False,
    )
    violation_ids = fields.One2many(
        "property.renovation.violation", "inspection_id", string="Violations"
    )
    has_violation_line = fields.Boolean(compute="_compute_has_violation_line")

    def init(self):
        # one patrol per permit and day, however often the cron runs
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS "
            "property_renovation_inspection_patrol_uniq "
            "ON property_renovation_inspection (renovation_id, date) "
            "WHERE kind = 'patrol'"
        )

    @api.depends("renovation_id.name", "date", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for inspection in self:
            inspection.display_name = (
                f"{inspection.renovation_id.name} · {kinds.get(inspection.kind)} "
                f"{inspection.date or ''}"
            )

    @api.depends("line_ids.result")
    def _compute_has_violation_line(self):
        for inspection in self:
            inspection.has_violation_line = "violation" in inspection.line_ids.mapped(
                "result"
            )

    @api.model_create_multi
    def create(self, vals_list):
        """Each inspection starts with its checklist (the active prohibited
        works, and the common areas for an acceptance) and an activity for
        its inspector."""
        prohibitions = self.env["property.renovation.prohibition"].sudo().search([])
        for vals in vals_list:
            if "line_ids" in vals:
                continue
            lines = [
                Command.create({"prohibition_id": p.id, "sequence": p.sequence})
                for p in prohibitions
            ]
            if vals.get("kind") == "acceptance":
                lines += [
                    Command.create({"common_area_item": item, "sequence": 1000 + index})
                    for index, (item, _label) in enumerate(RENOVATION_COMMON_AREA_ITEMS)
                ]
            vals["line_ids"] = lines
        inspections = super().create(vals_list)
        for inspection in inspections.filtered("user_id"):
            env = inspection.renovation_id._company_env()
            inspection.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=inspection.date,
                summary=env._(
                    "Inspect renovation %(permit)s, %(unit)s",
                    permit=inspection.renovation_id.name,
                    unit=inspection.unit_id.display_name,
                ),
                user_id=inspection.user_id.id,
            )
        return inspections

    def _check_open(self):
        for inspection in self:
            if inspection.state == "done":
                raise UserError(self.env._("This inspection is already done."))

    def action_done(self):
        """Close a patrol: its result is OK unless a checklist line found a
        violation; the inspector's activity is done."""
        self._check_open()
        for inspection in self:
            if inspection.kind != "patrol":
                raise UserError(
                    self.env._("An acceptance passes or fails, it is not just done.")
                )
            inspection._finish("violation" if inspection.has_violation_line else "ok")
        return True

    def action_pass(self):
        """The acceptance passes: the permit is accepted (warranty, the
        unit's current renovation cleared, the deposit settled)."""
        self._check_open()
        for inspection in self:
            inspection._check_acceptance()
            if inspection.has_violation_line:
                raise UserError(
                    self.env._(
                        "A checklist line found a violation: the acceptance fails."
                    )
                )
            inspection._finish("passed")
            inspection.renovation_id._works_accept(inspection)
        return True

    def action_fail(self):
        """The acceptance fails: the permit goes back to works permitted
        with the reason (the notes) for the applicant, who rectifies and
        asks again; a violation may be recorded from the acceptance."""
        self._check_open()
        for inspection in self:
            inspection._check_acceptance()
            reason = (inspection.note or "").strip()
            if not reason:
                raise UserError(
                    self.env._("Write in the notes why the acceptance fails.")
                )
            inspection._finish("failed")
            inspection.renovation_id._works_refuse(inspection, reason)
        return True

    def _check_acceptance(self):
        self.ensure_one()
        if self.kind != "acceptance":
            raise UserError(self.env._("Only an acceptance passes or fails."))
        self.check_access("write")

    def _finish(self, result):
        self.ensure_one()
        self.check_access("write")
        self.sudo().write(
            {"state": "done", "result": result, "date_done": fields.Datetime.now()}
        )
        self.activity_ids.filtered(
            lambda a: a.user_id == self.user_id or not a.user_id
        ).action_feedback(feedback=result)

    def action_record_violation(self):
        """Record a violation found by this inspection."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.renovation.violation",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_renovation_id": self.renovation_id.id,
                "default_inspection_id": self.id,
                "default_user_id": self.user_id.id or self.env.uid,
            },
        }
