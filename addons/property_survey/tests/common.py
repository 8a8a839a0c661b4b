# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.property_cs.tests.common import PropertyCsCommon

SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


class PropertySurveyCommon(PropertyCsCommon):
    """Project A with households in two buildings, an independent surveyor
    and a head-office campaign manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.building_a2 = cls.env["property.building"].create(
            {"name": "B2", "project_id": cls.project_a.id}
        )
        cls.surveyor = new_test_user(
            cls.env,
            login="pcs_survey_independent",
            groups="property_cs.group_property_cs_surveyor",
            name="Independent Surveyor",
        )
        cls.head_office = cls.users["head_office"]
        cls.head_office.groups_id = [
            Command.link(cls.env.ref("survey.group_survey_user").id)
        ]

    @classmethod
    def _households(cls, building, count, use_type="residential", prefix="H"):
        """``count`` units of ``building``, each with a current owner."""
        units = cls.env["property.unit"].create(
            [
                {
                    "name": f"{prefix}{i:04d}",
                    "building_id": building.id,
                    "area": 90.0,
                    "use_type": use_type,
                }
                for i in range(count)
            ]
        )
        partners = cls.env["res.partner"].create(
            [{"name": f"Owner {unit.complete_name}"} for unit in units]
        )
        cls.env["property.unit.partner"].create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": partner.id,
                    "role": "owner",
                    "share": 100.0,
                    "date_start": "2020-01-01",
                }
                for unit, partner in zip(units, partners, strict=True)
            ]
        )
        return units

    @classmethod
    def _campaign(cls, **vals):
        values = {
            "name": "Owner satisfaction 2026",
            "date_start": "2026-01-01",
            "date_end": "2026-12-31",
            "project_ids": [Command.set(cls.project_a.ids)],
            "seed": "fixed-seed",
            "user_id": cls.head_office.id,
        }
        values.update(vals)
        return cls.env["property.survey.campaign"].create(values)

    def _answer(self, sample, values, method=None, collected=True, date="2026-06-01"):
        """A done questionnaire of ``sample``: ``values`` maps a question to
        a level. Paper and interview answers get the signature and phone
        unless ``collected`` is False."""
        method = method or sample.method
        if collected and method in ("paper", "interview"):
            sample.write(
                {
                    "signature": SIGNATURE,
                    "collected_phone": "13900000000",
                    "date_collected": date,
                }
            )
        survey = sample.campaign_id.survey_id.sudo()
        answer = survey._create_answer(
            partner=self.surveyor.partner_id,
            check_attempts=False,
            property_sample_id=sample.id,
            property_respondent_id=sample.respondent_id.id,
            property_method=method,
            property_date_collected=date,
        )
        self.env["survey.user_input.line"].sudo().create(
            [
                {
                    "user_input_id": answer.id,
                    "question_id": question.id,
                    "answer_type": "text_box" if isinstance(value, str) else "scale",
                    "value_text_box": value if isinstance(value, str) else False,
                    "value_scale": value if not isinstance(value, str) else 0,
                    "skipped": False,
                }
                for question, value in values.items()
            ]
        )
        answer._mark_done()
        return answer
