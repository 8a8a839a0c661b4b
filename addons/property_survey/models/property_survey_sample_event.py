# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL


class PropertySurveySample(models.Model):
    """Participation in community events as an attribute of a sampled
    household (D-30, D-29): whether a member of the household attended a
    community event in the 12 months before the draw, so that results can
    be compared between households that take part and those that do not."""

    _inherit = "property.survey.sample"

    property_event_participant = fields.Boolean(
        string="Took Part in Community Events",
        readonly=True,
        copy=False,
        help="A member of the household attended a community event in the 12 "
        "months before the household was drawn.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        """Households added one by one (swaps) get the attribute when they
        enter the sample; the draw fills it for all at once."""
        samples = super().create(vals_list)
        if samples:
            self._property_fill_event_participation(SQL("s.id = ANY(%s)", samples.ids))
        return samples

    @api.model
    def _property_fill_event_participation(self, condition):
        """Set the attribute on the samples matching ``condition`` (on the
        alias ``s``) in one statement, whatever their number: attended
        places (state done) of events that started in the last 12 months,
        booked for the unit or taken by a person currently linked to it;
        the households that took part are found once for all samples."""
        for model in (
            "property.survey.sample",
            "event.registration",
            "event.event",
            "property.unit.partner",
        ):
            self.env[model].flush_model()
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        # the households that took part, found once (a condition per sample
        # with an OR between the unit and its people read every recent
        # registration for each sample: 25 s for 4,000 samples once a large
        # portfolio had a year of events)
        self.env.cr.execute(
            SQL(
                """
                WITH attended AS (
                    SELECT r.property_unit_id, r.partner_id
                      FROM event_registration r
                      JOIN event_event e ON e.id = r.event_id
                     WHERE r.state = 'done'
                       AND e.date_begin >= %(since)s
                       AND e.date_begin <= %(now)s
                ), households AS (
                    SELECT property_unit_id AS unit_id
                      FROM attended
                     WHERE property_unit_id IS NOT NULL
                     UNION
                    SELECT l.unit_id
                      FROM property_unit_partner l
                      JOIN attended a ON a.partner_id = l.partner_id
                     WHERE l.active AND l.date_start <= %(today)s
                       AND (l.date_end IS NULL OR l.date_end >= %(today)s)
                )
                UPDATE property_survey_sample s
                   SET property_event_participant = COALESCE(
                        s.unit_id IN (SELECT unit_id FROM households), FALSE)
                 WHERE %(condition)s
                """,
                since=now - relativedelta(months=12),
                now=now,
                today=today,
                condition=condition,
            )
        )
        self.env["property.survey.sample"].invalidate_model(
            ["property_event_participant"]
        )
