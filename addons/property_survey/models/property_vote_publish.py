# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from .property_project_vote import MIN_VOTE_DISPLAY_DAYS
from .vote_arithmetic import format_area


class PropertyVote(models.Model):
    """The printable result of an owners' vote and its publication
    (Civil Code Art. 278 and 280, domain_standards G1, D-23: the committee's
    important matters in writing, filed and published).

    What is printed and published, and what is not: the matter, the
    thresholds and counting rules, the figures by area and headcount, the
    arithmetic of each threshold, the verdict and the list of the units that
    took part, by unit number. Never identity numbers, phone numbers or
    owners' names (the printed result names the scrutineers, who sign it;
    the public notice does not), and never how each unit voted: the Civil
    Code asks the decision to be made known and binding (Art. 280), not the
    owners' individual choices, and the Personal Information Protection
    Law's minimum-necessary rule (Art. 6) keeps them out of a notice read by
    everyone. The list of units that took part lets each owner check that
    their ballot was counted (they see its content in the portal); the
    scrutineers verified the individual ballots, which staff may read for
    the record once the vote is closed."""

    _inherit = "property.vote"

    # ------------------------------------------------------------------
    # RESULT DOCUMENT
    # ------------------------------------------------------------------
    def _result_report_values(self, env=None):
        """What the printed result and the result notice show (as
        superuser, for a reader who may read the vote): the facts of the
        vote, the counting rules, and once closed the figures (formatted),
        the arithmetic lines, the verdict and the unit numbers of the units
        that took part. While the vote runs only ``hidden`` is set."""
        self.ensure_one()
        env = env or self.env
        vote = self.sudo()
        selection = {
            name: dict(self._fields[name]._description_selection(env))
            for name in ("headcount_rule", "coowner_rule")
        }
        values = {
            "hidden": vote._results_are_hidden(),
            "period": " – ".join(
                vote._format_datetime(value)
                for value in (vote.date_start, vote.date_end)
                if value
            ),
            "headcount_rule": selection["headcount_rule"].get(vote.headcount_rule, ""),
            "coowner_rule": selection["coowner_rule"].get(vote.coowner_rule, ""),
            "scrutineers": vote.scrutineer_ids.mapped("name"),
        }
        if values["hidden"]:
            return values
        result = vote._count_result()
        units = self.env["property.unit"].sudo().browse(result["unit_ids"])
        values.update(
            {
                "verdict": vote._verdict_label(result, env),
                "passed": result["passed"],
                "lines": vote._result_lines(result, env),
                "total_area": format_area(result["total_area"]),
                "area": format_area(result["area"]),
                "yes_area": format_area(result["yes_area"]),
                "no_area": format_area(result["no_area"]),
                "abstain_area": format_area(result["abstain_area"]),
                "total_headcount": result["total_headcount"],
                "headcount": result["headcount"],
                "yes_headcount": result["yes_headcount"],
                "no_headcount": result["no_headcount"],
                "abstain_headcount": result["abstain_headcount"],
                "units": units.mapped("complete_name"),
            }
        )
        return values

    def action_print_result(self):
        self.ensure_one()
        return self.env.ref(
            "property_survey.property_vote_result_report"
        ).report_action(self)

    # ------------------------------------------------------------------
    # PUBLICATION
    # ------------------------------------------------------------------
    def _result_display_days(self):
        """How long the result notice stays on display: the project's vote
        setting, never under 30 days nor under the project's notice
        minimum."""
        self.ensure_one()
        project = self.project_id.sudo()
        return max(
            project.property_vote_display_days,
            project.notice_min_display_days,
            MIN_VOTE_DISPLAY_DAYS,
        )

    def _prepare_notice_values(self):
        """The result notice of the project, in the company's language: the
        result document without the scrutineers' names, on display from
        today for ``_result_display_days`` days."""
        self.ensure_one()
        env = self._company_env()
        vote = self.with_env(env)
        body = (
            env["ir.qweb"]
            .sudo()
            ._render(
                "property_survey.vote_result_body",
                {
                    "o": vote.sudo(),
                    "r": vote._result_report_values(env),
                    "for_notice": True,
                },
            )
        )
        today = self._today()
        return {
            "name": env._("Result of the owners' vote: %(matter)s", matter=self.name),
            "project_id": self.project_id.id,
            "category_id": self.env.ref(
                "property_survey.property_notice_category_vote_result"
            ).id,
            "body": Markup(body),
            "date_from": today,
            "date_until": today + timedelta(days=self._result_display_days()),
        }

    def action_publish(self):
        """Publish the result of a closed vote as a public notice of the
        project, on display for at least 30 days (the project's setting),
        checked for personal information like every notice (names found,
        e.g. an election's candidates, need the reason given on the vote)."""
        self._check_organiser()
        for vote in self:
            if vote.state != "closed":
                raise UserError(
                    self.env._(
                        "Only the result of a closed vote can be published: %(vote)s.",
                        vote=vote.name,
                    )
                )
            notice = (
                self.env["property.notice"].sudo().create(vote._prepare_notice_values())
            )
            notice._publish(reason=vote.publish_reason)
            vote._workflow_write(
                {
                    "state": "published",
                    "notice_id": notice.id,
                    "date_published": fields.Datetime.now(),
                }
            )
            env = vote._company_env()
            vote.message_post(
                body=env._(
                    "Result published as notice %(notice)s, on display until %(date)s.",
                    notice=notice.name,
                    date=fields.Date.to_string(notice.date_until),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_view_notice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.notice",
            "res_id": self.notice_id.id,
            "view_mode": "form",
        }

    def action_view_ballots(self):
        """The ballots the reader may see (the record rules decide: none for
        staff while the vote runs)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_vote_ballot_action"
        )
        action["domain"] = [("vote_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_electors(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_vote_elector_action"
        )
        action["domain"] = [("vote_id", "=", self.id)]
        action["context"] = {"create": False}
        return action
