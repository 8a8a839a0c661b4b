# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import new_test_user

from .common import SIGNATURE, PropertySurveyCommon

WIDE_START = "2000-01-01"
WIDE_END = "2099-12-31"


class ConsultationCommon(PropertySurveyCommon):
    """Project A asks its owners. Recipients of the whole project (owners
    only, one per unit; the tenant-only unit and the empty unit are not
    asked):

    ==========  ========  ==============  =========
    unit        building  owner           type
    ==========  ========  ==============  =========
    101         B1        Zhang Wei       civil servant (portal user)
    C0000       B1        Owner …C0000    business (portal user)
    C0001       B1        Owner …C0001    business (mobile on file)
    C0002       B1        Owner …C0002    unknown
    C0000       B2        Owner …C0000    civil servant
    C0001       B2        Owner …C0001    unknown
    ==========  ========  ==============  =========
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.b1_units = cls._households(cls.building_a, 3, prefix="C")
        cls.b2_units = cls._households(cls.building_a2, 2, prefix="C")
        owners = {
            unit: unit.current_link_ids.partner_id
            for unit in cls.b1_units | cls.b2_units
        }
        cls.b1_owners = [owners[unit] for unit in cls.b1_units]
        cls.b2_owners = [owners[unit] for unit in cls.b2_units]
        cls.b1_owners[0].owner_group = "business"
        cls.b1_owners[1].write({"owner_group": "business", "mobile": "13900001111"})
        cls.b2_owners[0].owner_group = "civil_servant"
        cls.portal_owner2 = new_test_user(
            cls.env,
            login="pcs_consult_owner2",
            groups="base.group_portal",
            partner_id=cls.b1_owners[0].id,
            name=cls.b1_owners[0].name,
        )
        cls.supervisor = cls.users["supervisor"]
        cls.agent_b = new_test_user(
            cls.env,
            login="pcs_consult_agent_b",
            groups="property_cs.group_property_cs_agent",
            name="Agent of River View",
        )
        cls.agent_b.property_project_ids = [Command.set(cls.project_b.ids)]

    @classmethod
    def _consultation(cls, user=None, **vals):
        values = {
            "name": "Charging points for electric bicycles",
            "kind": "common_renovation",
            "project_id": cls.project_a.id,
            "date_start": WIDE_START,
            "date_end": WIDE_END,
            "description": "<p>Twenty charging points behind building B1.</p>",
        }
        values.update(vals)
        Consultation = cls.env["property.consultation"].with_user(user or cls.agent)
        consultation = Consultation.create(values)
        consultation.action_create_survey()
        return consultation.with_env(cls.env)

    def _questions(self, consultation):
        questions = consultation.survey_id.question_ids.sorted("sequence")
        choice = questions.filtered(lambda q: q.question_type == "simple_choice")
        comment = questions.filtered(lambda q: q.question_type == "text_box")
        return choice, comment

    def _recipient(self, consultation, unit):
        return consultation.recipient_ids.filtered(lambda r: r.unit_id == unit)

    def _fill(self, answer, choice=None, comment=None, done=True):
        """Answer the starter questions of ``answer``: ``choice`` the index
        of the suggested answer (Agree, Disagree, No opinion)."""
        consultation = answer.property_consultation_id
        choice_q, comment_q = self._questions(consultation)
        vals = []
        if choice is not None:
            option = choice_q.suggested_answer_ids.sorted("sequence")[choice]
            vals.append(
                {
                    "user_input_id": answer.id,
                    "question_id": choice_q.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": option.id,
                }
            )
        if comment:
            vals.append(
                {
                    "user_input_id": answer.id,
                    "question_id": comment_q.id,
                    "answer_type": "text_box",
                    "value_text_box": comment,
                }
            )
        self.env["survey.user_input.line"].sudo().create(vals)
        if done:
            answer._mark_done()
        return answer

    def _answer_paper(self, recipient, user=None, **fill):
        recipient = recipient.with_user(user or self.agent)
        recipient.write({"scan": SIGNATURE, "scan_filename": "sheet.png"})
        recipient.action_enter_paper_answer()
        return self._fill(recipient.sudo().user_input_ids, **fill)

    def _answer_portal(self, recipient, portal_user, **fill):
        recipient.with_user(portal_user)._portal_start_answer(portal_user.partner_id)
        return self._fill(recipient.sudo().user_input_ids, **fill)

    def _answer_phone(self, recipient, phone, user=None, **fill):
        recipient.with_user(user or self.agent)._start_phone_answer(phone)
        return self._fill(recipient.sudo().user_input_ids, **fill)

    def _fixture(self):
        """The hand-computed answers (see ConsultationResultsCommon)."""
        consultation = self._consultation()
        consultation.with_user(self.agent).action_open()
        r = {
            "a1": self._recipient(consultation, self.unit_a1),
            "b1_0": self._recipient(consultation, self.b1_units[0]),
            "b1_1": self._recipient(consultation, self.b1_units[1]),
            "b1_2": self._recipient(consultation, self.b1_units[2]),
            "b2_0": self._recipient(consultation, self.b2_units[0]),
            "b2_1": self._recipient(consultation, self.b2_units[1]),
        }
        self._answer_portal(
            r["a1"], self.portal_owner, choice=0, comment="Add a camera"
        )
        self._answer_paper(r["b1_0"], choice=0)
        self._answer_phone(r["b1_1"], "139 0000 1111", choice=2)
        self._answer_paper(r["b2_0"], choice=1, comment="Too close to the playground")
        # begun on paper, never finished: not counted
        self._answer_paper(r["b1_2"], choice=1, done=False)
        return consultation, r
