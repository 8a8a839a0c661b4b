# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import hashlib
import io

from odoo import models
from odoo.exceptions import UserError


class PropertySurveyCampaign(models.Model):
    """Anonymised raw data of a campaign for the owners' committee
    (domain standards I2)."""

    _inherit = "property.survey.campaign"

    def _raw_data_rows(self):
        """One row per received questionnaire: an opaque respondent code,
        building, property and customer type, method, validity and the
        rating answers. No name, phone, unit number or free text (open
        answers may name people); rows are shuffled by a hash of the seed so
        their order does not reveal the units."""
        self.ensure_one()
        questions = self._rating_questions()
        answers = self._done_answers()
        values = self._scale_values(answers)
        use_types = dict(
            self.env["property.unit"]
            ._fields["use_type"]
            ._description_selection(self.env)
        )
        customer_types = dict(
            self.env["res.partner"]
            .sudo()
            ._fields["owner_group"]
            ._description_selection(self.env)
        )
        methods = dict(
            answers._fields["property_method"]._description_selection(self.env)
        )
        header = [
            self.env._("Respondent"),
            self.env._("Building"),
            self.env._("Property Type"),
            self.env._("Customer Type"),
            self.env._("Method"),
            self.env._("Valid"),
            *[q.title for q in questions],
        ]

        seed = self.sudo().seed

        def code(answer):
            return hashlib.sha256(f"{seed}:{answer.id}".encode()).hexdigest()[:10]

        rows = []
        for answer in answers.sorted(code):
            sample = answer.property_sample_id
            rows.append(
                [
                    code(answer),
                    sample.building_id.name or "",
                    use_types.get(sample.unit_id.use_type, ""),
                    customer_types.get(sample.customer_type, ""),
                    methods.get(answer.property_method, ""),
                    1 if answer.property_is_valid else 0,
                    *[values[answer.id].get(q.id, "") for q in questions],
                ]
            )
        return header, rows

    def action_export_raw_data(self):
        self.ensure_one()
        if self.state != "closed":
            raise UserError(
                self.env._("Raw data is exported once the campaign is closed.")
            )
        header, rows = self._raw_data_rows()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name} - anonymised.csv",
                "raw": buffer.getvalue().encode("utf-8-sig"),
                "mimetype": "text/csv",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
