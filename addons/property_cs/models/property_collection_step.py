# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .constants import COLLECTION_STEPS


class PropertyCollectionStep(models.Model):
    """How a project takes one step of fee collection (D-21, E2): when it
    is due after the previous step, how long the agent has to take it,
    the message template and who takes it. The steps themselves are a
    closed list; a project configures its own timing, and the rows
    without a project are the company's default ladder."""

    _name = "property.collection.step"
    _description = "Collection Step"
    _order = "project_id, sequence, id"

    step = fields.Selection(COLLECTION_STEPS, required=True)
    sequence = fields.Integer(
        compute="_compute_sequence", store=True, help="The order of the law's path."
    )
    project_id = fields.Many2one(
        "property.project",
        index=True,
        help="Empty: the default of every project without its own ladder.",
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    days_after = fields.Integer(
        string="Due After (days)",
        default=15,
        help="Days after the previous step (or after the case opened) when "
        "this step is due: the reasonable period the owner is given.",
    )
    days_to_take = fields.Integer(
        string="Days to Take It",
        default=3,
        help="Days the agent has to take the step once due; then the "
        "supervisor is told.",
    )
    template_id = fields.Many2one(
        "mail.template",
        string="Message Template",
        domain="[('model', '=', 'property.collection.case')]",
        help="Sent to the payer when the agent takes the step from the case.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        help="Takes this step; empty: the case's assignee.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "project_step_uniq",
            "unique(project_id, step)",
            "A project configures each collection step once.",
        )
    ]

    @api.depends("step")
    def _compute_sequence(self):
        order = [key for key, _label in COLLECTION_STEPS]
        for step in self:
            step.sequence = order.index(step.step) if step.step else 0

    @api.constrains("days_after", "days_to_take")
    def _check_days(self):
        for step in self:
            if step.days_after < 0 or step.days_to_take < 0:
                raise ValidationError(
                    self.env._("The days of a collection step cannot be negative.")
                )

    def _step_label(self):
        """The step's name in the current language."""
        self.ensure_one()
        return dict(self._fields["step"]._description_selection(self.env))[self.step]

    @api.model
    def _ladder(self, project):
        """The active steps of ``project`` in order: its own, else the
        company's default ladder."""
        steps = self.sudo().search([("project_id", "=", project.id)])
        if not steps:
            steps = self.sudo().search([("project_id", "=", False)])
        return steps.sorted("sequence")
