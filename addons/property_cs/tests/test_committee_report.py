# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .test_committee import CommitteeCommon

REPORT = "property_cs.property_committee_report_action_report"


class CommitteeReportCommon(CommitteeCommon):
    """A fixture of the second quarter of 2026 in project A: tickets of
    every kind from named owners with phones and units, complaints handled
    and open, a safety incident, a mass incident, fund requests; one ticket
    of project B and tickets outside the quarter that must not count."""

    @classmethod
    def _ticket(cls, vals, reported, done=None, closed=None):
        ticket = cls.env["property.ticket"].create(
            dict(
                {"unit_id": cls.unit_a1.id, "partner_id": cls.owner_a.id},
                **vals,
                date_reported=reported,
            )
        )
        if done or closed:
            state = "done" if done else "closed"
            ticket.write(
                {
                    "stage_id": ticket._stage_for(state).id,
                    "date_done": done or False,
                    "date_closed": closed or False,
                }
            )
        return ticket

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner_a.write({"phone": "0571-88886666", "mobile": "13800000001"})
        cls.private_subject = "Zhang Wei 13800000001 B1-101 leaking pipe"
        t = cls._ticket
        # received in Q2: 3 repairs (1 closed in Q2, 1 done in July), an
        # inquiry, 2 complaints (1 handled in Q2), a safety incident with a
        # linked report (mass incident)
        t({"name": cls.private_subject, "kind": "repair"}, "2026-04-02 02:00:00")
        t(
            {"name": "Tap", "kind": "repair"},
            "2026-04-10 02:00:00",
            closed="2026-04-12 02:00:00",
        )
        t(
            {"name": "Door", "kind": "repair"},
            "2026-06-29 02:00:00",
            done="2026-07-02 02:00:00",
        )
        t({"name": "Fees?", "kind": "inquiry"}, "2026-05-03 02:00:00")
        t(
            {"name": "Noise complaint by Zhang Wei", "kind": "complaint"},
            "2026-05-04 02:00:00",
            done="2026-05-20 02:00:00",
        )
        t({"name": "Rude guard", "kind": "complaint"}, "2026-06-01 02:00:00")
        main = t(
            {"name": "Smoke in B1 stairwell", "kind": "safety"},
            "2026-06-10 02:00:00",
        )
        cls.env["property.ticket"].create(
            {
                "name": "Smell of smoke",
                "unit_id": cls.unit_a3.id,
                "kind": "safety",
                "parent_id": main.id,
                "date_reported": "2026-06-10 03:00:00",
            }
        )
        # not in the quarter (China time: 2026-07-01 00:30 is in Q3), or
        # of project B
        t({"name": "Late", "kind": "repair"}, "2026-06-30 16:30:00")
        t({"name": "Early", "kind": "repair"}, "2026-03-31 15:00:00")
        cls.env["property.ticket"].create(
            {
                "name": "River View leak",
                "unit_id": cls.unit_b1.id,
                "kind": "repair",
                "date_reported": "2026-05-05 02:00:00",
            }
        )
        requests = cls.env["property.fund.request"].create(
            [
                {
                    "project_id": cls.project_a.id,
                    "purpose": "Lift ropes of B1",
                    "amount": 48000.0,
                },
                {
                    "project_id": cls.project_a.id,
                    "purpose": "Roof waterproofing",
                    "amount": 120000.0,
                },
                {
                    "project_id": cls.project_b.id,
                    "purpose": "Pump",
                    "amount": 9000.0,
                },
            ]
        )
        # made in May (the creation date is the database's clock)
        date_field = cls.env["property.committee.report"]._fund_date_field()
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                "UPDATE property_fund_request SET %s = %s WHERE id IN %s",
                SQL.identifier(date_field),
                "2026-05-15 02:00:00",
                tuple(requests.ids),
            )
        )
        requests.invalidate_recordset()
        cls.pack = cls.env["property.committee.report"].create(
            {
                "project_id": cls.project_a.id,
                "period_type": "quarter",
                "date_from": "2026-04-01",
                "date_to": "2026-06-30",
                "work_plan": "<p>Lift ropes replaced in B1; greening in autumn.</p>",
            }
        )


@tagged("post_install", "-at_install")
@freeze_time("2026-07-05 04:00:00")
class TestCommitteeReport(CommitteeReportCommon):
    def test_figures_fixture(self):
        """The figures are counts of the project's quarter only."""
        self.pack.action_compute_figures()
        fig = self.pack.figures
        self.assertEqual(self.pack.name, "Osmanthus Garden 2026 Q2")
        self.assertEqual(self.pack.committee_id, self.committee_a)
        self.assertEqual(fig["tickets"]["received"], 8)
        self.assertEqual(fig["tickets"]["handled"], 2)
        self.assertEqual(sum(fig["tickets"]["by_kind"]["repair"].values()), 3)
        self.assertEqual(fig["tickets"]["by_kind"]["repair"].get("closed"), 1)
        self.assertEqual(fig["tickets"]["by_kind"]["safety"].get("new"), 2)
        self.assertEqual(fig["complaints"], {"received": 2, "handled": 1, "open": 1})
        self.assertEqual(fig["incidents"], {"safety": 2, "mass": 1})
        self.assertEqual(fig["fund"]["count"], 2)
        self.assertEqual(fig["fund"]["amount"], 168000.0)
        self.assertEqual(fig["fund"]["by_state"], {"draft": [2, 168000.0]})
        self.assertEqual(fig["events"]["held"], 0)
        self.assertEqual(self.pack.ticket_count, 8)
        self.assertEqual(self.pack.complaint_handled_count, 1)

    def test_report_holds_aggregates_only(self):
        """The rendered pack shows the figures and never an owner's name,
        phone, unit number or a ticket's own text."""
        self.pack.action_compute_figures()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, self.pack.ids)[0]
            .decode()
        )
        self.assertIn("Osmanthus Garden 2026 Q2", html)
        self.assertIn("Lift ropes replaced in B1", html)
        self.assertIn("o_tickets_received", html)
        self.assertIn("Repair", html)
        self.assertIn("Safety Incident", html)
        self.assertRegex(html, r'o_complaints_handled">\s*1\s*<')
        self.assertRegex(html, r'o_incidents_mass">\s*1\s*<')
        self.assertRegex(html, r"o_fund_count\">\s*<strong>\s*2\s*<")
        for private in (
            "Zhang Wei",
            "Li Na",
            "13800000001",
            "88886666",
            "zhang.wei@example.com",
            "B1-101",
            "B1-103",
            "leaking pipe",
            "Noise complaint",
            "River View",
            "Pump",
            "Lift ropes of B1",
        ):
            self.assertNotIn(private, html, f"{private!r} leaked")
        for ticket in self.env["property.ticket"].search(
            [("project_id", "=", self.project_a.id)]
        ):
            self.assertNotIn(ticket.number, html)

    def test_report_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        self.pack.action_compute_figures()
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(REPORT, self.pack.ids)[0]
            .decode()
        )
        self.assertIn("报修", html)

    def test_publish_freezes_figures(self):
        """Only the project manager shares a pack; its figures are frozen
        from then on; taking it back allows a new snapshot."""
        with self.assertRaises(AccessError):
            self.pack.with_user(self.agent).action_publish()
        self.pack.with_user(self.manager).action_publish()
        self.assertEqual(self.pack.state, "published")
        self.assertEqual(self.pack.date_published, date(2026, 7, 5))
        self._ticket({"name": "Another", "kind": "repair"}, "2026-05-06 02:00:00")
        self.assertEqual(self.pack.figures["tickets"]["received"], 8)
        with self.assertRaises(UserError):
            self.pack.action_compute_figures()
        with self.assertRaises(UserError):
            self.pack.with_user(self.manager).write({"state": "draft"})
        self.pack.with_user(self.manager).action_reset_draft()
        self.pack.action_compute_figures()
        self.assertEqual(self.pack.figures["tickets"]["received"], 9)

    def test_personal_data_blocks_sharing(self):
        """A work plan with a phone number, an identity number or an
        owner's name is not shared."""
        manager_pack = self.pack.with_user(self.manager)
        for text, reason in (
            ("<p>Call 13912345678 for the keys.</p>", "phone number"),
            ("<p>Office line 0571-87654321.</p>", "phone number"),
            ("<p>Owner id 110101199003071234 filed.</p>", "identity number"),
            ("<p>Thanks to Zhang Wei for the help.</p>", "Zhang Wei"),
        ):
            self.pack.work_plan = text
            with self._raises(UserError, reason):
                manager_pack.action_publish()
        self.pack.work_plan = "<p>Lift ropes replaced in 2026.</p>"
        manager_pack.action_publish()
        self.assertEqual(self.pack.state, "published")

    def test_period_helper(self):
        """The period type sets the dates; the default is the last quarter."""
        Report = self.env["property.committee.report"]
        self.assertEqual(Report._default_dates(), (date(2026, 4, 1), date(2026, 6, 30)))
        self.assertEqual(
            Report._period_bounds("half_year", date(2026, 8, 9)),
            (date(2026, 7, 1), date(2026, 12, 31)),
        )
        self.assertEqual(
            Report._period_bounds("month", date(2026, 2, 9)),
            (date(2026, 2, 1), date(2026, 2, 28)),
        )
        form = Form(Report.with_user(self.agent))
        form.project_id = self.project_a
        form.period_type = "month"
        form.date_from = date(2026, 5, 17)
        self.assertEqual(form.date_from, date(2026, 5, 1))
        self.assertEqual(form.date_to, date(2026, 5, 31))
        pack = form.save()
        self.assertEqual(pack.name, "Osmanthus Garden 2026-05")
        self.assertEqual(pack.committee_id, self.committee_a)

    def test_access(self):
        """Staff of project A prepare packs of A only; finance and head
        office read."""
        Report = self.env["property.committee.report"]
        other = Report.create(
            {
                "project_id": self.project_b.id,
                "date_from": "2026-04-01",
                "date_to": "2026-06-30",
            }
        )
        packs = self.pack | other
        for role in ("agent", "finance", "manager"):
            self.assertEqual(
                Report.with_user(self.users[role]).search([("id", "in", packs.ids)]),
                self.pack,
                role,
            )
        self.assertEqual(
            Report.with_user(self.users["head_office"]).search(
                [("id", "in", packs.ids)]
            ),
            packs,
        )
        with self.assertRaises(AccessError):
            self.pack.with_user(self.users["finance"]).write({"work_plan": "x"})
        with self.assertRaises(AccessError):
            self.pack.with_user(self.users["finance"]).action_compute_figures()
        self.pack.with_user(self.agent).action_compute_figures()
        self.assertTrue(self.pack.figures)
        with self.assertRaises(AccessError):
            Report.with_user(self.users["department"]).search([])
