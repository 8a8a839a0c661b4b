# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestRunningCampaignSecrecy(TransactionCase):
    """The project manager of a surveyed project, over ORM calls, learns
    nothing of a running campaign's sample or answers and cannot shape the
    campaign: the demo manager of the demo project against the demo
    campaigns (2026 running, 2025 closed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pm = cls.env.ref("property_cs.demo_user_pm", raise_if_not_found=False)
        cls.running = cls.env.ref(
            "property_survey.demo_campaign_2026", raise_if_not_found=False
        )
        cls.closed = cls.env.ref(
            "property_survey.demo_campaign_2025", raise_if_not_found=False
        )
        cls.head_office = cls.env.ref(
            "property_cs.demo_user_headoffice", raise_if_not_found=False
        )

    def setUp(self):
        super().setUp()
        if not (self.pm and self.running and self.closed and self.head_office):
            self.skipTest("the demo data is not installed")
        self.assertEqual(self.running.state, "running")
        self.assertEqual(self.closed.state, "closed")
        project = self.running.project_ids
        self.assertTrue(project & self.pm.property_project_ids)

    def _open_line(self, campaign):
        return (
            self.env["survey.user_input.line"]
            .sudo()
            .search(
                [
                    ("property_campaign_id", "=", campaign.id),
                    ("answer_type", "=", "text_box"),
                ],
                limit=1,
            )
        )

    def test_seed_and_draw_order_hidden(self):
        """Seed and draw order tell exactly who is sampled: head office
        only; the method statement names the seed once the campaign is
        closed."""
        campaign = self.running.with_user(self.pm)
        self.assertEqual(campaign.read(["name"])[0]["name"], self.running.name)
        for fname in ("seed", "draw_order"):
            with self.assertRaises(AccessError):
                campaign.read([fname])
            with self.assertRaises(AccessError):
                campaign.search_read([("id", "=", campaign.id)], [fname])
            self.assertNotIn(fname, campaign.fields_get())
        self.assertNotIn("demo-2026", campaign.method_statement)
        self.assertIn("demo-2025", self.closed.with_user(self.pm).method_statement)
        office = self.running.with_user(self.head_office)
        self.assertEqual(office.read(["seed"])[0]["seed"], "demo-2026")
        self.assertIn("demo-2026", office.method_statement)

    def test_results_hidden_while_running(self):
        """The result rows of a running campaign are not readable by the
        surveyed project; those of a closed one are."""
        Result = self.env["property.survey.result"].with_user(self.pm)
        self.assertTrue(self.running.sudo().result_ids)
        self.assertFalse(Result.search([("campaign_id", "=", self.running.id)]))
        with self.assertRaises(AccessError):
            self.running.sudo().result_ids[:1].with_user(self.pm).read(["degree"])
        self.assertTrue(Result.search([("campaign_id", "=", self.closed.id)]))
        self.assertTrue(
            self.env["property.survey.result"]
            .with_user(self.head_office)
            .search([("campaign_id", "=", self.running.id)])
        )

    def test_recompute_refused_while_running(self):
        """Only head office computes the results of a running campaign."""
        with self.assertRaises(AccessError):
            self.running.with_user(self.pm).action_compute_results()
        self.running.with_user(self.head_office).action_compute_results()

    def test_open_answer_not_leaked_by_onchange(self):
        """An improvement action's onchange does not return the text of an
        open answer of a running campaign to the surveyed project."""
        line = self._open_line(self.running)
        self.assertTrue(line.value_text_box)
        spec = {"campaign_id": {}, "line_id": {}, "open_answer": {}}

        def onchange(user, campaign, answer):
            return (
                self.env["property.survey.action"]
                .with_user(user)
                .onchange(
                    {"campaign_id": campaign.id, "line_id": answer.id},
                    ["line_id"],
                    spec,
                )["value"]
                .get("open_answer")
            )

        self.assertFalse(onchange(self.pm, self.running, line))
        self.assertEqual(
            onchange(self.head_office, self.running, line), line.value_text_box
        )
        # an answer of another campaign is never shown
        self.assertFalse(onchange(self.head_office, self.closed, line))
        closed_line = self._open_line(self.closed)
        self.assertEqual(
            onchange(self.pm, self.closed, closed_line), closed_line.value_text_box
        )

    def test_samples_hidden_until_closed(self):
        """Not even the draft draw of the project's next campaign is shown
        to its staff."""
        draft = self.env["property.survey.campaign"].create(
            {
                "name": "Next",
                "date_start": "2027-10-01",
                "date_end": "2027-12-31",
                "project_ids": [Command.set(self.running.project_ids.ids)],
            }
        )
        draft.action_draw_sample()
        Sample = self.env["property.survey.sample"].with_user(self.pm)
        self.assertTrue(draft.sample_ids)
        self.assertFalse(Sample.search([("campaign_id", "=", draft.id)]))
        self.assertFalse(Sample.search([("campaign_id", "=", self.running.id)]))
        self.assertTrue(Sample.search([("campaign_id", "=", self.closed.id)]))

    def test_project_manager_cannot_run_campaigns(self):
        """The surveyed project's manager neither creates a campaign for
        the project nor draws, redraws with another seed, starts or closes
        one; head office does."""
        project = self.running.project_ids
        vals = {
            "name": "Own survey",
            "date_start": "2027-10-01",
            "date_end": "2027-12-31",
            "project_ids": [Command.set(project.ids)],
        }
        Campaign = self.env["property.survey.campaign"]
        with self.assertRaises(AccessError):
            Campaign.with_user(self.pm).create(vals)
        draft = Campaign.with_user(self.head_office).create(vals)
        mine = draft.with_user(self.pm)
        with self.assertRaises(AccessError):
            mine.write({"seed": "chosen"})
        with self.assertRaises(AccessError):
            mine.write({"sample_rate": 50.0})
        with self.assertRaises(AccessError):
            mine.weight_ids[:1].write({"weight": 90.0})
        with self.assertRaises(AccessError):
            mine.action_draw_sample()
        with self.assertRaises(AccessError):
            mine.action_start()
        with self.assertRaises(AccessError):
            self.running.with_user(self.pm).action_close()
        with self.assertRaises(AccessError):
            self.running.with_user(self.pm).action_send_invitations()
        self.assertFalse(draft.date_drawn)
        draft.with_user(self.head_office).action_draw_sample()
        self.assertTrue(draft.date_drawn)

    def test_campaign_figures_hidden_while_running(self):
        """The campaign's own figures of a running campaign are blank for
        the surveyed project, cannot be searched, grouped or printed; those
        of a closed campaign show."""
        rate = self.running.overall_rate
        self.assertTrue(self.running.valid_count)
        campaign = self.running.with_user(self.pm)
        vals = campaign.read(["overall_rate", "valid_count", "target_met", "name"])[0]
        self.assertEqual(
            (vals["overall_rate"], vals["valid_count"], vals["target_met"]),
            (False, False, False),
        )
        self.assertEqual(vals["name"], self.running.name)
        closed = self.closed.with_user(self.pm).read(["overall_rate"])[0]
        self.assertAlmostEqual(closed["overall_rate"], self.closed.overall_rate)
        Campaign = self.env["property.survey.campaign"].with_user(self.pm)
        probe = [("overall_rate", ">=", rate - 0.001), ("overall_rate", "<=", rate)]
        self.assertFalse(Campaign.search([("id", "=", self.running.id), *probe]))
        # sorting on the figures keeps the default order (newest first)
        both = (self.running | self.closed).ids
        for order in ("overall_rate desc", "overall_rate asc"):
            self.assertEqual(
                Campaign.search([("id", "in", both)], order=order).ids,
                [self.running.id, self.closed.id],
            )
        # nothing to aggregate: the running campaign is left out
        [(maximum,)] = Campaign._read_group(
            [("id", "=", self.running.id)], aggregates=["overall_rate:max"]
        )
        self.assertFalse(maximum)
        [(maximum,)] = Campaign._read_group(
            [("id", "=", self.closed.id)], aggregates=["overall_rate:max"]
        )
        self.assertAlmostEqual(maximum, self.closed.overall_rate)
        office = self.env["property.survey.campaign"].with_user(self.head_office)
        self.assertTrue(office.search([("id", "=", self.running.id), *probe]))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.pm)
            .with_context(lang="en_US")
            ._render_qweb_html(
                "property_survey.property_survey_campaign_report", self.running.ids
            )[0]
        ).decode()
        self.assertIn("The results are shown once the campaign is closed", html)
        self.assertNotIn("Results by Driver", html)
        self.assertNotIn("demo-2026", html)
