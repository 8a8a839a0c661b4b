# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools


class PropertySurveyPulseReport(models.Model):
    """The pulse-survey series (D-29): ratings given after closed tickets,
    by month, category and project, on 0-100; kept apart from campaign
    figures. "Satisfied" follows the company's settings, as for campaigns:
    the top levels on 5 and 7 levels, from the set level on 10."""

    _name = "property.survey.pulse.report"
    _description = "Pulse Survey Analysis"
    _auto = False
    _order = "date desc"

    date = fields.Datetime(readonly=True)
    ticket_id = fields.Many2one("property.ticket", readonly=True)
    category_id = fields.Many2one("property.ticket.category", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    survey_id = fields.Many2one("survey.survey", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    score = fields.Float(string="Score (0-100)", readonly=True, aggregator="avg")
    satisfied = fields.Float(string="Satisfied (%)", readonly=True, aggregator="avg")
    answer_count = fields.Integer(string="Answers", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT line.id AS id,
                       answer.end_datetime AS date,
                       ticket.id AS ticket_id,
                       ticket.category_id AS category_id,
                       ticket.project_id AS project_id,
                       ticket.company_id AS company_id,
                       answer.survey_id AS survey_id,
                       line.question_id AS question_id,
                       (line.value_scale - question.scale_min) * 100.0
                           / NULLIF(question.scale_max - question.scale_min, 0)
                           AS score,
                       CASE WHEN CASE
                                WHEN question.scale_max - question.scale_min + 1 = 10
                                THEN line.value_scale - question.scale_min + 1
                                     >= company.property_survey_satisfied_10
                                ELSE line.value_scale - question.scale_max
                                     > -company.property_survey_top_levels
                            END
                            THEN 100.0 ELSE 0.0 END AS satisfied,
                       1 AS answer_count
                  FROM survey_user_input_line line
                  JOIN survey_user_input answer ON answer.id = line.user_input_id
                  JOIN survey_question question ON question.id = line.question_id
                  JOIN property_ticket ticket ON ticket.id = answer.property_ticket_id
                  JOIN res_company company ON company.id = ticket.company_id
                 WHERE answer.state = 'done'
                   AND NOT COALESCE(answer.test_entry, FALSE)
                   AND line.answer_type = 'scale'
                   AND NOT COALESCE(line.skipped, FALSE)
            )
            """
        )
