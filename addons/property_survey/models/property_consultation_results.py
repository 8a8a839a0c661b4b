# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.property_cs.models.property_handling_tip import OWNER_GROUPS

from .consultation_constants import CHOICE_TYPES, COUNTED_TYPES, VALUE_TYPES

NOTICE_CATEGORY_XMLID = "property_survey.property_notice_category_consultation"
FALLBACK_CATEGORY_XMLID = "property_cs.property_notice_category_other"
DIMENSION_SEQUENCE = {"overall": 0, "building": 1, "owner_type": 2}


class PropertyConsultation(models.Model):
    """Results of a consultation (by building and owner type), the decision
    or improvement actions that answer them, and the publication of the
    summary as a public notice of the project (D-29 reused: open answers
    tagged, improvement actions)."""

    _inherit = "property.consultation"

    # ------------------------------------------------------------------
    # RESULTS
    # ------------------------------------------------------------------
    def _finished_answers(self):
        """{recipient: answer} of the finished answers; once closed, only
        those finished by the close count."""
        self.ensure_one()
        answers = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("property_consultation_id", "=", self.id),
                    ("state", "=", "done"),
                    ("test_entry", "=", False),
                ]
            )
        )
        if self.date_closed:
            answers = answers.filtered(
                lambda a: not a.end_datetime or a.end_datetime <= self.date_closed
            )
        return {answer.property_consultation_recipient_id: answer for answer in answers}

    def _answer_lines(self, answers):
        """{answer id: {question id: [line values]}} of the answered
        questions, in one query."""
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search_read(
                [("user_input_id", "in", answers.ids), ("skipped", "=", False)],
                [
                    "user_input_id",
                    "question_id",
                    "suggested_answer_id",
                    "value_scale",
                    "value_numerical_box",
                ],
                load=None,
            )
        )
        values = defaultdict(lambda: defaultdict(list))
        for line in lines:
            values[line["user_input_id"]][line["question_id"]].append(line)
        return values

    def _result_questions(self):
        """The questions counted in the results, in the questionnaire's
        order (matrix questions are not)."""
        self.ensure_one()
        return (
            self.sudo()
            .survey_id.question_ids.filtered(
                lambda q: (
                    q.question_type in (*CHOICE_TYPES, *VALUE_TYPES, *COUNTED_TYPES)
                )
            )
            .sorted(lambda q: (q.sequence, q.id))
        )

    def _result_groups(self, recipients):
        """(dimension, group sequence, key, values, recipients) of every
        group: all recipients, each building, each owner type."""
        groups = [("overall", 0, "all", {}, recipients)]
        buildings = recipients.building_id.sorted(lambda b: (b.sequence, b.name, b.id))
        for seq, building in enumerate(buildings, start=1):
            groups.append(
                (
                    "building",
                    seq,
                    str(building.id),
                    {"building_id": building.id},
                    recipients.filtered(lambda r, b=building: r.building_id == b),
                )
            )
        present = set(recipients.mapped(lambda r: r.owner_group or ""))
        codes = [code for code, _label in OWNER_GROUPS if code in present]
        if "" in present:
            codes.append("")
        for seq, code in enumerate(codes, start=1):
            groups.append(
                (
                    "owner_type",
                    seq,
                    code or "unknown",
                    {"owner_group": code or False},
                    recipients.filtered(lambda r, c=code: (r.owner_group or "") == c),
                )
            )
        return groups

    def _results_vals(self):
        """The result rows of the consultation (see the result model)."""
        self.ensure_one()
        recipients = self.sudo().recipient_ids
        by_recipient = self._finished_answers()
        answers = self.env["survey.user_input"].sudo()
        for answer in by_recipient.values():
            answers |= answer
        lines = self._answer_lines(answers)
        questions = self._result_questions()
        vals_list = []
        for dim, gseq, key, extra, subset in self._result_groups(recipients):
            answered = [by_recipient[r] for r in subset if r in by_recipient]
            base = {
                "consultation_id": self.id,
                "dimension": dim,
                "dimension_sequence": DIMENSION_SEQUENCE[dim],
                "group_sequence": gseq,
                "group_key": key,
                "recipient_count": len(subset),
                "answered_count": len(answered),
                "response_rate": 100.0 * len(answered) / len(subset) if subset else 0.0,
                **extra,
            }
            vals_list.append(dict(base))
            for qseq, question in enumerate(questions, start=1):
                respondents = [a for a in answered if question.id in lines[a.id]]
                count = len(respondents)
                qbase = dict(
                    base,
                    question_id=question.id,
                    question_sequence=qseq,
                    question_answered_count=count,
                )
                if question.question_type in CHOICE_TYPES:
                    options = question.suggested_answer_ids.sorted(
                        lambda a: (a.sequence, a.id)
                    )
                    for aseq, option in enumerate(options, start=1):
                        chosen = sum(
                            1
                            for answer in respondents
                            if any(
                                line["suggested_answer_id"] == option.id
                                for line in lines[answer.id][question.id]
                            )
                        )
                        vals_list.append(
                            dict(
                                qbase,
                                suggested_answer_id=option.id,
                                answer_sequence=aseq,
                                answer_count=chosen,
                                share=100.0 * chosen / count if count else 0.0,
                            )
                        )
                elif question.question_type in VALUE_TYPES:
                    fname = VALUE_TYPES[question.question_type]
                    values = [
                        line[fname]
                        for answer in respondents
                        for line in lines[answer.id][question.id]
                    ]
                    vals_list.append(
                        dict(
                            qbase,
                            answer_count=count,
                            average=sum(values) / len(values) if values else 0.0,
                        )
                    )
                else:
                    vals_list.append(dict(qbase, answer_count=count))
        return vals_list

    def action_compute_results(self):
        """Compute the results from the finished answers: participation and
        the answers to each question, for all recipients, by building and
        by owner type."""
        Result = self.env["property.consultation.result"].sudo()
        for consultation in self:
            consultation.check_access("write")
            if consultation.state not in ("open", "closed"):
                raise UserError(
                    self.env._(
                        "Results are computed for an open or closed consultation."
                    )
                )
            Result.search([("consultation_id", "=", consultation.id)]).unlink()
            Result.create(consultation._results_vals())
            consultation._workflow_write({"date_results": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------
    # REPORT AND NOTICE HELPERS
    # ------------------------------------------------------------------
    def _report_rows(self, dimension, question=None):
        """Result rows of a dimension: participation rows when ``question``
        is None, else the rows of that question."""
        self.ensure_one()
        rows = self.sudo().result_ids.filtered(lambda r: r.dimension == dimension)
        if question is None:
            return rows.filtered(lambda r: not r.question_id)
        return rows.filtered(lambda r: r.question_id == question)

    def _report_table(self, question, dimension):
        """A question's table of a dimension: {"options": the suggested
        answers (choice questions), "kind": choice, value or count,
        "rows": [(group label, answered the question, cells)]}, a cell being
        a result row."""
        self.ensure_one()
        rows = self._report_rows(dimension, question)
        if question.question_type in CHOICE_TYPES:
            kind = "choice"
        elif question.question_type in VALUE_TYPES:
            kind = "value"
        else:
            kind = "count"
        options = rows.suggested_answer_id.sorted(lambda a: (a.sequence, a.id))
        table = []
        for key in dict.fromkeys(rows.mapped("group_key")):
            cells = rows.filtered(lambda r, k=key: r.group_key == k)
            table.append(
                (cells[0].group_label, cells[0].question_answered_count, cells)
            )
        return {"options": options, "kind": kind, "rows": table}

    def _report_questions(self, with_open=True):
        """The questions with results; without the open questions for the
        public notice (the answers' text is not published)."""
        self.ensure_one()
        questions = self.sudo().result_ids.question_id.sorted(
            lambda q: (q.sequence, q.id)
        )
        if not with_open:
            questions = questions.filtered(
                lambda q: q.question_type in (*CHOICE_TYPES, *VALUE_TYPES)
            )
        return questions

    def _report_open_answers(self):
        """The finished open answers with their tags (no names)."""
        self.ensure_one()
        return (
            self.env["survey.user_input.line"]
            .sudo()
            .search(self._open_answer_domain(), order="question_id, id")
        )

    # ------------------------------------------------------------------
    # PUBLICATION
    # ------------------------------------------------------------------
    def _notice_category(self):
        return self.env.ref(
            NOTICE_CATEGORY_XMLID, raise_if_not_found=False
        ) or self.env.ref(FALLBACK_CATEGORY_XMLID)

    def _prepare_notice_values(self):
        """The public notice of the summary, written in the project's
        language whoever publishes it: the results for all recipients and
        by building (not by owner type: that is internal data), the answers
        to the choice and rating questions, the decision and the actions.
        Displayed to the owners of the scope for at least the project's
        minimum display period."""
        self.ensure_one()
        lang = self._lang()
        consultation = self.with_context(lang=lang)
        body = (
            self.env["ir.qweb"]
            .with_context(lang=lang)
            ._render(
                "property_survey.consultation_notice_body",
                {"o": consultation.sudo(), "is_html_empty": is_html_empty},
            )
        )
        category = self._notice_category()
        Notice = self.env["property.notice"]
        today = Notice._notice_today()
        days = (
            self.project_id.notice_min_display_days if category.minimum_display else 0
        )
        return {
            "name": consultation.env._(
                "Consultation result: %(title)s", title=self.name
            ),
            "project_id": self.project_id.id,
            "building_ids": [
                fields.Command.set(
                    self.building_ids.ids if self.sudo().scope == "buildings" else []
                )
            ],
            "category_id": category.id,
            "body": body,
            "date_from": today,
            "date_until": today + timedelta(days=max(days, 1)),
            "user_id": self.env.user.id,
        }

    def action_publish(self):
        """Publish the summary as a public notice of the project (through
        the notices' own publication and its personal-information checks;
        when names are found the publication form asks for a reason). The
        results are answered by a decision or an improvement action first.
        The consultation counts as published once its notice is."""
        self.ensure_one()
        self.check_access("write")
        self.env["property.notice"]._check_publisher()
        if self.state != "closed":
            raise UserError(
                self.env._("Only a closed consultation publishes its summary.")
            )
        if is_html_empty(self.decision) and not self.sudo().action_ids:
            raise UserError(
                self.env._(
                    "Record the decision or an improvement action before "
                    "publishing the summary."
                )
            )
        vals = self._prepare_notice_values()
        notice = self.sudo().notice_id
        if notice and notice.state != "draft":
            raise UserError(self.env._("The summary is already published."))
        if notice:
            notice = notice.with_env(self.env)
            notice.write(vals)
        else:
            notice = self.env["property.notice"].create(vals)
            self._workflow_write({"notice_id": notice.id})
        return notice.action_publish()

    def _mark_published(self):
        """Called when the summary's notice is published."""
        for consultation in self:
            consultation._workflow_write(
                {"state": "published", "date_published": fields.Datetime.now()}
            )
            consultation.message_post(
                body=self.env._(
                    "Summary published as the notice %(notice)s.",
                    notice=consultation.notice_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_view_notice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.notice",
            "res_id": self.sudo().notice_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
