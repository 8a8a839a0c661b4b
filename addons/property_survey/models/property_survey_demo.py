# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from odoo import api, models


class PropertySurveyDemo(models.AbstractModel):
    """Demo data of the satisfaction programme: called only from
    demo/property_survey_demo.xml, never by the production models."""

    _name = "property.survey.demo"
    _description = "Satisfaction Survey Demo Data"

    @api.model
    def _run_campaigns(
        self, campaign_ids, surveyor_id, shift=None, actioned=None, close=True
    ):
        """Fill demo campaigns with answers drawn from a seeded generator:
        draw, assign the surveyor, start, collect paper questionnaires (one
        without the owner's phone, hence invalid), compute results. ``shift``
        maps a driver code to a change of its mean level; ``actioned`` lists
        driver codes that get a completed improvement action."""
        means = {
            "customer_service": 4.2,
            "repairs": 3.1,
            "cleaning": 4.0,
            "greening": 4.3,
            "security": 3.9,
            "parking": 2.9,
            "culture": 3.6,
            "fees": 3.3,
        }
        for code, delta in (shift or {}).items():
            means[code] += delta
        Line = self.env["survey.user_input.line"].sudo()
        campaigns = self.env["property.survey.campaign"].browse(campaign_ids)
        for campaign in campaigns:
            rng = random.Random(campaign.seed)
            campaign.action_draw_sample()
            campaign.sample_ids.write({"surveyor_id": surveyor_id, "method": "paper"})
            campaign.action_start()
            questions = campaign._rating_questions()
            improve = campaign.survey_id.question_ids.filtered(
                lambda q: q.question_type == "text_box"
            )[:1]
            samples = campaign.sample_ids
            day = campaign.date_start
            for index, sample in enumerate(samples[: len(samples) - 2]):
                sample.write(
                    {
                        "signature": False if index == 3 else "iVBORw0KGgo=",
                        "scan": False,
                        "collected_phone": f"13800138{index:03d}",
                        "date_collected": day,
                    }
                )
                answer = sample._create_answer(sample.surveyor_id.partner_id)
                answer.property_date_collected = day
                levels = {}
                mood = rng.gauss(0, 0.6)  # the respondent's general leaning
                for question in questions:
                    code = question.property_driver_id.code
                    mean = means.get(code, 3.8) + mood
                    levels[question] = min(5, max(1, round(rng.gauss(mean, 0.6))))
                overall = questions.filtered("property_is_overall")
                if overall:
                    drivers = [v for q, v in levels.items() if q != overall]
                    levels[overall] = min(
                        5,
                        max(1, round(sum(drivers) / len(drivers) + rng.gauss(0, 0.4))),
                    )
                vals = [
                    {
                        "user_input_id": answer.id,
                        "question_id": question.id,
                        "answer_type": "scale",
                        "value_scale": level,
                    }
                    for question, level in levels.items()
                ]
                if improve and index % 4 == 0:
                    vals.append(
                        {
                            "user_input_id": answer.id,
                            "question_id": improve.id,
                            "answer_type": "text_box",
                            "value_text_box": rng.choice(
                                [
                                    "Repairs take too long to be scheduled.",
                                    "Cars park on the fire lane at night.",
                                    "Publish how the public revenue is spent.",
                                    "The lift lobby needs more frequent cleaning.",
                                ]
                            ),
                        }
                    )
                Line.create(vals)
                answer._mark_done()
            campaign.action_compute_results()
            for code in actioned or []:
                driver = self.env["property.survey.driver"].search(
                    [("code", "=", code)], limit=1
                )
                action = self.env["property.survey.action"].create(
                    {
                        "name": self.env._("Improve %(driver)s", driver=driver.name),
                        "campaign_id": campaign.id,
                        "driver_id": driver.id,
                        "user_id": campaign.user_id.id,
                        "date_deadline": campaign.date_end,
                    }
                )
                action.action_done()
            if close:
                campaign.action_close()
        return True
