# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertySurveyAction(models.Model):
    """An improvement action spawned by a campaign's results or one of its
    open answers (D-29: causes and counter-measures), tracked to completion;
    the next campaign shows the change of the actioned driver."""

    _name = "property.survey.action"
    _description = "Improvement Action"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_deadline, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    campaign_id = fields.Many2one(
        "property.survey.campaign", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    driver_id = fields.Many2one("property.survey.driver", tracking=True)
    line_id = fields.Many2one(
        "survey.user_input.line", string="Open Answer", ondelete="set null"
    )
    open_answer = fields.Text(string="Answer Text", compute="_compute_open_answer")
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    description = fields.Html()
    date_done = fields.Date(readonly=True, tracking=True)

    def _compute_open_answer(self):
        for action in self:
            line = action.line_id.sudo()
            action.open_answer = line.value_text_box or line.value_char_box or False

    def action_start(self):
        self.write({"state": "in_progress"})

    def action_done(self):
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})

    def action_cancel(self):
        self.write({"state": "cancelled"})
