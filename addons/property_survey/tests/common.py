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


class PropertySurveyResultsCommon(PropertySurveyCommon):
    """A hand-computed fixture on a 5-level scale (satisfied = 4 and 5):

    ======  ===  ===  ===  =======
    answer  A1   A2   B1   overall
    ======  ===  ===  ===  =======
    R1      5    4    3    4
    R2      4    4    2    3
    R3      2    3    5    5
    ======  ===  ===  ===  =======

    Scores (x − 1) / 4 × 100. Driver A (weight 60): 87.5, 75, 37.5 →
    degree 66.67; rate 4 of 6 answers satisfied → 66.67 %. Driver B (weight
    40): 50, 25, 100 → degree 58.33; rate 1/3 → 33.33 %. Overall degree
    0.6 × 66.67 + 0.4 × 58.33 = 63.33; overall rate from the overall
    question 2/3 = 66.67 %. α(A) = 2 × (1 − (2.333 + 0.333) / 4.333) =
    0.769. Importance: r(A, overall) = −0.72, r(B, overall) = 0.98;
    A has the higher degree → A "maintain", B "priority"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._households(cls.building_a, 10)
        cls.driver_a = cls.env.ref("property_survey.driver_customer_service")
        cls.driver_b = cls.env.ref("property_survey.driver_repairs")
        scale = {"question_type": "scale", "scale_min": 1, "scale_max": 5}
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Fixture questionnaire",
                "question_and_page_ids": [
                    Command.create(
                        dict(scale, title="A1", property_driver_id=cls.driver_a.id)
                    ),
                    Command.create(
                        dict(scale, title="A2", property_driver_id=cls.driver_a.id)
                    ),
                    Command.create(
                        dict(scale, title="B1", property_driver_id=cls.driver_b.id)
                    ),
                    Command.create(dict(scale, title="O", property_is_overall=True)),
                    Command.create({"title": "Improve", "question_type": "text_box"}),
                ],
            }
        )
        cls.campaign = cls._campaign(survey_id=cls.survey.id, method="online")
        weights = {cls.driver_a: 60.0, cls.driver_b: 40.0}
        for weight in cls.campaign.weight_ids:
            weight.weight = weights[weight.driver_id]
        cls.campaign.action_start()
        cls.q = {q.title: q for q in cls.survey.question_ids}

    def _fixture(self):
        samples = self.campaign.sample_ids
        rows = [(5, 4, 3, 4), (4, 4, 2, 3), (2, 3, 5, 5)]
        for sample, (a1, a2, b1, o) in zip(samples, rows, strict=False):
            self._answer(
                sample,
                {
                    self.q["A1"]: a1,
                    self.q["A2"]: a2,
                    self.q["B1"]: b1,
                    self.q["O"]: o,
                    self.q["Improve"]: "More lift cleaning",
                },
            )
        self.campaign.action_compute_results()

    def _row(self, driver=False, dimension="overall"):
        return self.campaign.result_ids.filtered(
            lambda r: (
                r.dimension == dimension
                and r.driver_id == (driver or r.driver_id.browse())
            )
        )
