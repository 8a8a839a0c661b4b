# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command, api, models

# a one-pixel image standing for the scanned paper sheets of the demo
DEMO_SCAN = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


class PropertySurveyDemo(models.AbstractModel):
    """Demo of an owner consultation: called only from
    demo/property_consultation_demo.xml, never by the production models."""

    _inherit = "property.survey.demo"

    @api.model
    def _run_consultation(self, consultation_id, answers, staff_id):
        """Run a demo consultation through the product's own methods: open
        it, answer it in the portal (as the owner), on paper (with a scanned
        sheet) and on the phone (caller identified from their mobile), tag
        the open answers, close it, then publish its summary. ``answers`` is
        a list of dicts: unit (id), channel, choice (index of the suggested
        answer of the first choice question), comment (open answer, may be
        empty) and tags (ids)."""
        staff = self.env["res.users"].browse(staff_id)
        consultation = self.env["property.consultation"].browse(consultation_id)
        consultation.with_user(staff).action_open()
        questions = consultation.survey_id.question_ids
        choice_q = questions.filtered(lambda q: q.question_type == "simple_choice")[:1]
        open_q = questions.filtered(lambda q: q.question_type == "text_box")[:1]
        Line = self.env["survey.user_input.line"].sudo()
        for spec in answers:
            recipient = consultation.recipient_ids.filtered(
                lambda r, u=spec["unit"]: r.unit_id.id == u
            )
            if not recipient:
                continue
            owner = recipient.partner_id
            if spec["channel"] == "portal" and owner.user_ids:
                recipient.with_user(owner.user_ids[0])._portal_start_answer(owner)
            elif spec["channel"] == "phone" and (owner.mobile or owner.phone):
                recipient.with_user(staff)._start_phone_answer(
                    owner.mobile or owner.phone
                )
            else:
                recipient.with_user(staff).write(
                    {"scan": DEMO_SCAN, "scan_filename": "answer_sheet.png"}
                )
                recipient.with_user(staff).action_enter_paper_answer()
            answer = recipient.user_input_ids
            vals = [
                {
                    "user_input_id": answer.id,
                    "question_id": choice_q.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": choice_q.suggested_answer_ids.sorted(
                        "sequence"
                    )[spec["choice"]].id,
                }
            ]
            if spec.get("comment") and open_q:
                vals.append(
                    {
                        "user_input_id": answer.id,
                        "question_id": open_q.id,
                        "answer_type": "text_box",
                        "value_text_box": spec["comment"],
                    }
                )
            lines = Line.create(vals)
            answer._mark_done()
            if spec.get("tags"):
                lines.filtered(lambda line: line.answer_type == "text_box").with_user(
                    staff
                ).write({"property_tag_ids": [Command.set(spec["tags"])]})
        consultation.with_user(staff).action_close()
        return True

    @api.model
    def _publish_consultation(self, consultation_id, publisher_id):
        """Publish the demo consultation's summary as the project manager."""
        publisher = self.env["res.users"].browse(publisher_id)
        self.env["property.consultation"].browse(consultation_id).with_user(
            publisher
        ).action_publish()
        return True
