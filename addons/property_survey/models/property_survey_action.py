# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
        string="Responsible",
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

    @api.depends_context("uid")
    @api.depends("line_id", "campaign_id")
    def _compute_open_answer(self):
        """The text of the open answer, for head office, or for others once
        the campaign is closed (D-27: the answers of a running campaign stay
        hidden from the surveyed project, in a form's onchange as well), and
        only an answer of the action's own campaign."""
        programme = self.env["property.survey.campaign"]._is_programme_user()
        for action in self:
            line = action.line_id.sudo()
            campaign = action.campaign_id.sudo()
            shown = (
                line
                and line.property_campaign_id == campaign
                and (programme or campaign.state == "closed")
            )
            action.open_answer = (
                (line.value_text_box or line.value_char_box or False)
                if shown
                else False
            )

    def action_start(self):
        self.write({"state": "in_progress"})

    def action_done(self):
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})

    def action_cancel(self):
        self.write({"state": "cancelled"})
