# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCollectionTour(HttpCase):
    """The shipped demo agent (groups as shipped, no email, zh_CN) takes
    the next step of a demo collection case in the real UI."""

    def test_agent_records_the_written_notice(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        agent = self.env.ref("property_cs.demo_user_care")
        self.assertFalse(agent.email)
        if agent.lang != "zh_CN":
            agent.lang = "zh_CN"
        case = (
            self.env["property.collection.case"]
            .search(
                [
                    ("state", "=", "open"),
                    ("step", "=", "reminder"),
                    ("project_id", "in", agent.property_project_ids.ids),
                ]
            )
            .filtered(lambda c: not c.complaint_count and not c.promise_id)[:1]
        )
        self.assertTrue(case, "the demo has a case at the reminder step")
        self.start_tour(
            f"/odoo/action-property_cs.property_collection_case_action/{case.id}",
            "property_cs_agent_collection_tour",
            login="care",
        )
        attempt = case.attempt_ids.filtered(lambda a: a.step == "notice")
        self.assertEqual(len(attempt), 1)
        self.assertEqual(attempt.user_id, agent)
        self.assertEqual((attempt.channel, attempt.outcome), ("letter", "delivered"))
        self.assertEqual(case.step, "notice")
        self.assertTrue(all(case.invoice_ids.mapped("property_last_demand_date")))
