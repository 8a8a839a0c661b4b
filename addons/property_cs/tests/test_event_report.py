# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import PropertyCsCommon

REPORT = "property.event.report"


@tagged("post_install", "-at_install")
class TestEventReport(PropertyCsCommon):
    """Participation by building and household type, computed by hand.

    Project "Lake Garden" (Shanghai time), its agent and the agent of
    project B. Households on the day D of the first event (ages on D):

    =====  ========  ===========================================  =========
    unit   building  people (role, age)                           type
    =====  ========  ===========================================  =========
    A1     BA        X owner 46 (key customer), C1 household 8    children
    A2     BA        Y owner exactly 60                           elderly
    A3     BA        Z owner 41, K household 5, G household 80    both
    B1     BB        T tenant 36, H household exactly 14,         other
                     O owner 56
    B2     BB        W owner 51 (key customer)                    other
    B3     BB        nobody                                       (none)
    =====  ========  ===========================================  =========

    Event 1 (D = 40 days ago, whole project, posted cost 600): X and C1
    attended (ratings 5 and 4), Y booked and did not come, T attended
    (rating 3), W on the waiting list, V (no unit) attended (rating 2).
    Households 5, participating 2 (40 %); BA 1/3, BB 1/2; children 1/1,
    elderly 0/1, both 0/1, other 1/2; booked 5, attended 4 (80 %), no-show
    1, waiting 1; ratings 3.5; cost per participant 150; key-customer
    households 2 (A1, B2), 1 participating, key attendees 1 (X).

    Event 2 (held, building BB only, no cost): W attended (rating 5).
    Households 2 (B1, B2), participating 1.

    A cancelled event and an event to come do not count as held."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        tz = pytz.timezone("Asia/Shanghai")
        cls.project = cls.env["property.project"].create(
            {"name": "Lake Garden", "code": "LG", "tz": "Asia/Shanghai"}
        )
        cls.agent.property_project_ids = [Command.link(cls.project.id)]
        cls.users["finance"].property_project_ids = [Command.link(cls.project.id)]
        cls.agent_b = new_test_user(
            cls.env,
            login="pcs_report_agent_b",
            groups="property_cs.group_property_cs_agent",
            name="PCS agent B",
        )
        cls.agent_b.property_project_ids = [Command.link(cls.project_b.id)]
        Building = cls.env["property.building"]
        cls.ba = Building.create({"name": "BA", "project_id": cls.project.id})
        cls.bb = Building.create({"name": "BB", "project_id": cls.project.id})
        Unit = cls.env["property.unit"]
        cls.a1, cls.a2, cls.a3 = Unit.create(
            [
                {"name": name, "building_id": cls.ba.id, "area": 90.0}
                for name in ("A1", "A2", "A3")
            ]
        )
        # B3 (a shop nobody lives in) is large: no owner holds a key
        # customer's share of the project's floor area
        cls.b1, cls.b2, cls.b3 = Unit.create(
            [
                {"name": name, "building_id": cls.bb.id, "area": area}
                for name, area in (("B1", 90.0), ("B2", 90.0), ("B3", 10000.0))
            ]
        )
        start = fields.Datetime.now().replace(
            hour=2, minute=0, second=0, microsecond=0
        ) - timedelta(days=40)
        cls.day = pytz.utc.localize(start).astimezone(tz).date()

        def born(years, days=0):
            return cls.day - relativedelta(years=years) + timedelta(days=days)

        Partner = cls.env["res.partner"]
        people = {
            "X": born(46),
            "C1": born(8),
            "Y": born(60),
            "Z": born(41),
            "K": born(5),
            "G": born(80),
            "T": born(36),
            "H": born(14),
            "O": born(56),
            "W": born(51),
        }
        cls.p = {
            name: Partner.create({"name": name, "date_birth": birth})
            for name, birth in people.items()
        }
        cls.p["V"] = Partner.create({"name": "V (walk-in)"})
        cls.p["X"].is_influential = True
        cls.p["W"].is_influential = True
        links = [
            (cls.a1, "X", "owner"),
            (cls.a1, "C1", "household"),
            (cls.a2, "Y", "owner"),
            (cls.a3, "Z", "owner"),
            (cls.a3, "K", "household"),
            (cls.a3, "G", "household"),
            (cls.b1, "O", "owner"),
            (cls.b1, "T", "tenant"),
            (cls.b1, "H", "household"),
            (cls.b2, "W", "owner"),
        ]
        cls.env["property.unit.partner"].create(
            [
                {
                    "unit_id": unit.id,
                    "partner_id": cls.p[name].id,
                    "role": role,
                    "date_start": "2020-01-01",
                }
                for unit, name, role in links
            ]
        )
        Event = cls.env["event.event"]
        neighbourhood = ref("property_cs.event_type_neighbourhood")

        def event(name, begin, **vals):
            return Event.create(
                {
                    "name": name,
                    "event_type_id": neighbourhood.id,
                    "property_project_id": cls.project.id,
                    "date_tz": "Asia/Shanghai",
                    "date_begin": begin,
                    "date_end": begin + timedelta(hours=2),
                    **vals,
                }
            )

        cls.event1 = event("Neighbours' Day", start)
        cls.event2 = event(
            "BB Tea Party",
            start + timedelta(days=10),
            property_building_ids=[Command.set(cls.bb.ids)],
        )
        cls.cancelled = event(
            "Rained Off",
            start + timedelta(days=5),
            stage_id=ref("event.event_stage_cancelled").id,
        )
        cls.to_come = event("Next Month", fields.Datetime.now() + timedelta(days=30))
        Registration = cls.env["event.registration"]

        def register(event, name, unit, state="done", rating=False, **vals):
            return Registration.create(
                {
                    "event_id": event.id,
                    "partner_id": cls.p[name].id,
                    "property_unit_id": unit.id if unit else False,
                    "state": state,
                    "property_feedback_rating": rating and str(rating),
                    **vals,
                }
            )

        register(cls.event1, "X", cls.a1, rating=5)
        register(cls.event1, "C1", cls.a1, rating=4)
        register(cls.event1, "Y", cls.a2, state="open", property_no_show=True)
        register(cls.event1, "T", cls.b1, rating=3)
        register(cls.event1, "W", cls.b2, state="open", property_is_waitlist=True)
        register(cls.event1, "V", None, rating=2)
        register(cls.event2, "W", cls.b2, rating=5)
        register(cls.cancelled, "X", cls.a1)
        register(cls.to_come, "Z", cls.a3, state="open")
        supplier = Partner.create({"name": "Stage Hire", "is_company": True})
        bill = cls.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": supplier.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Stage and sound",
                            "quantity": 1.0,
                            "price_unit": 600.0,
                            "tax_ids": [Command.clear()],
                            "property_event_id": cls.event1.id,
                        }
                    )
                ],
            }
        )
        bill.action_post()

    def _groups(self, groupby, aggregates, domain=None, user=None):
        self.env.flush_all()
        Report = self.env[REPORT]
        if user:
            Report = Report.with_user(user)
        result = Report._read_group(
            [("project_id", "=", self.project.id), ("is_held", "=", True)]
            + (domain or []),
            [groupby] if groupby else [],
            aggregates,
        )
        if not groupby:
            return result[0]
        return {group: values for group, *values in result}

    def test_household_types_on_the_event_day(self):
        """Children under 14 and elderly from 60 on the day of the event
        (the boundaries: exactly 14 is not a child, exactly 60 is elderly);
        the Python helper agrees with the report."""
        types = (
            self.env["property.unit"]
            .browse((self.a1 | self.a2 | self.a3 | self.b1 | self.b2).ids)
            ._property_household_type(self.day)
        )
        self.assertEqual(
            [types[unit] for unit in (self.a1, self.a2, self.a3, self.b1, self.b2)],
            ["children", "elderly", "children_elderly", "other", "other"],
        )
        self.env.flush_all()
        rows = self.env[REPORT].search(
            [("event_id", "=", self.event1.id), ("unit_id", "!=", False)]
        )
        self.assertEqual(
            {row.unit_id: row.household_type for row in rows},
            {unit: types[unit] for unit in types},
        )
        self.assertNotIn(self.b3, rows.unit_id, "a unit with nobody is no household")

    def test_participation_by_building_and_household_type(self):
        """Participation rates of event 1 by building and household type are
        the ratios of the sums."""
        aggregates = [
            "household_count:sum",
            "participating_count:sum",
            "participation_rate:avg",
        ]
        domain = [("event_id", "=", self.event1.id)]
        self.assertEqual(self._groups(None, aggregates, domain), (5, 2, 40.0))
        by_building = self._groups("building_id", aggregates, domain)
        self.assertEqual(by_building[self.ba][:2], [3, 1])
        self.assertAlmostEqual(by_building[self.ba][2], 100.0 / 3)
        self.assertEqual(by_building[self.bb], [2, 1, 50.0])
        self.assertEqual(by_building[self.env["property.building"]][:2], [0, 0])
        by_type = self._groups("household_type", aggregates, domain)
        self.assertEqual(by_type["children"], [1, 1, 100.0])
        self.assertEqual(by_type["elderly"], [1, 0, 0.0])
        self.assertEqual(by_type["children_elderly"], [1, 0, 0.0])
        self.assertEqual(by_type["other"], [2, 1, 50.0])
        # both held events: event 2 counts building BB only
        households, participating, rate = self._groups(None, aggregates)
        self.assertEqual((households, participating), (7, 3))
        self.assertAlmostEqual(rate, 300.0 / 7)

    def test_bookings_attendance_and_feedback(self):
        """Booked (waiting list apart), attended, no-shows, waiting list,
        attendance rate and average rating of event 1."""
        values = self._groups(
            None,
            [
                "booked_count:sum",
                "attended_count:sum",
                "no_show_count:sum",
                "waitlist_count:sum",
                "attendance_rate:avg",
                "feedback_count:sum",
                "feedback_avg:avg",
            ],
            [("event_id", "=", self.event1.id)],
        )
        self.assertEqual(values, (5, 4, 1, 1, 80.0, 4, 3.5))

    def test_cost_per_participant(self):
        """The event's cost over its attendees, in any group; over both
        held events 600 / 5."""
        aggregates = ["cost:sum", "attended_count:sum", "cost_per_participant:avg"]
        domain = [("event_id", "=", self.event1.id)]
        self.assertEqual(self._groups(None, aggregates, domain), (600.0, 4, 150.0))
        by_building = self._groups("building_id", aggregates, domain)
        self.assertEqual(by_building[self.ba], [300.0, 2, 150.0])
        self.assertEqual(by_building[self.bb], [150.0, 1, 150.0])
        self.assertEqual(self._groups(None, aggregates), (600.0, 5, 120.0))

    def test_key_customer_participation(self):
        """Key-customer households (A1, B2) of event 1: one took part; one
        key customer attended."""
        values = self._groups(
            "is_key_household",
            [
                "household_count:sum",
                "participating_count:sum",
                "key_attended_count:sum",
            ],
            [("event_id", "=", self.event1.id)],
        )
        self.assertEqual(values[True], [2, 1, 1])

    def test_cancelled_and_future_events(self):
        """A cancelled event is not in the report; an event to come is, as
        not held."""
        self.env.flush_all()
        Report = self.env[REPORT]
        self.assertFalse(Report.search([("event_id", "=", self.cancelled.id)]))
        rows = Report.search([("event_id", "=", self.to_come.id)])
        self.assertTrue(rows)
        self.assertFalse(any(rows.mapped("is_held")))
        self.assertEqual(sum(rows.mapped("booked_count")), 1)

    def test_age_settings(self):
        """The child and elderly ages are company settings (14 and 60 by
        default) the report follows; the child age must stay below the
        elderly age."""
        company = self.project.company_id
        self.assertEqual(
            (company.property_event_child_age, company.property_event_elderly_age),
            (14, 60),
        )
        settings = self.env["res.config.settings"].create(
            {"property_event_child_age": 6, "property_event_elderly_age": 85}
        )
        settings.execute()
        self.assertEqual(company.property_event_child_age, 6)
        self.env.flush_all()
        rows = self.env[REPORT].search(
            [("event_id", "=", self.event1.id), ("unit_id", "in", self.a3.ids)]
        )
        # K (5) is still a child, G (80) no longer elderly
        self.assertEqual(rows.household_type, "children")
        rows = self.env[REPORT].search(
            [("event_id", "=", self.event1.id), ("unit_id", "in", self.a1.ids)]
        )
        self.assertEqual(rows.household_type, "other")
        with self.assertRaises(ValidationError):
            company.property_event_child_age = 90

    def test_attendee_conditions(self):
        """Age and household conditions of an event, on its day."""
        event = self.event1
        event.write({"property_min_age": 6, "property_max_age": 12})
        self.assertFalse(event._property_attendee_issue(self.p["C1"]))
        self.assertTrue(event._property_attendee_issue(self.p["K"]))
        self.assertTrue(event._property_attendee_issue(self.p["H"]))
        self.assertFalse(event._property_attendee_issue(self.p["V"]), "no birthday")
        event.write(
            {
                "property_min_age": 0,
                "property_max_age": 0,
                "property_household_condition": "elderly",
            }
        )
        self.assertFalse(event._property_attendee_issue(self.p["Z"]))
        self.assertTrue(event._property_attendee_issue(self.p["X"]))
        event.property_household_condition = "children"
        self.assertFalse(event._property_attendee_issue(self.p["X"]))
        self.assertTrue(event._property_attendee_issue(self.p["T"]))

    def test_report_access(self):
        """The project's agent and finance read its rows; the agent of
        another project none; head office all."""
        self.env.flush_all()
        domain = [("project_id", "=", self.project.id)]
        Report = self.env[REPORT]
        count = Report.search_count(domain)
        self.assertGreater(count, 0)
        for user in (self.agent, self.users["finance"], self.users["head_office"]):
            self.assertEqual(
                Report.with_user(user).search_count(domain), count, user.login
            )
        self.assertEqual(Report.with_user(self.agent_b).search_count(domain), 0)
        [households] = self._groups(
            None,
            ["household_count:sum"],
            [("event_id", "=", self.event1.id)],
            user=self.agent_b,
        )
        self.assertFalse(households)


@tagged("post_install", "-at_install")
class TestEventDemo(TransactionCase):
    """The demo's activity plan of 绿城·桂花苑 loads: approved, with items,
    targets, held events with attendance, photos, reports and costs, a
    cancelled event, and three events to come open for registration
    (owner1's household not booked)."""

    def test_demo_plan(self):
        ref = self.env.ref
        plan = ref("property_cs.property_event_plan_ghy_demo", raise_if_not_found=False)
        if not plan:
            self.skipTest("installed without demo data")
        if not plan.line_ids:
            self.skipTest("the demo functions run at installation only")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.project_id, ref("property_cs.demo_project_ghy"))
        self.assertEqual(len(plan.target_ids), 8)
        self.assertGreaterEqual(len(plan.line_ids), 17)
        self.assertGreater(plan.held_count, 0)
        Event = self.env["event.event"]
        events = Event.search(
            Event._property_year_domain(plan.project_id, plan.year, with_cancelled=True)
        )
        held = events.filtered(
            lambda e: e._property_is_held() and e.property_plan_line_id.plan_id == plan
        )
        for event in held:
            self.assertEqual(len(event.property_photo_ids), 2, event.name)
            self.assertTrue(event.property_report, event.name)
            self.assertGreater(event.property_cost, 0, event.name)
            self.assertIn("done", event.registration_ids.mapped("state"))
        self.assertEqual(plan.cost_total, sum(events.mapped("property_cost")))
        self.assertTrue(
            held.registration_ids.filtered("property_no_show"), "some no-shows"
        )
        self.assertTrue(held.registration_ids.filtered("property_feedback_rating"))
        owner1 = ref("property_cs.demo_partner_owner1")
        household = ref("property_cs.demo_unit_ghy_1_202")
        upcoming = (
            ref("property_cs.event_event_craft_demo")
            | ref("property_cs.event_event_clinic_demo")
            | ref("property_cs.event_event_gala_demo")
        )
        for event in upcoming:
            self.assertTrue(event.seats_limited)
            self.assertTrue(event.event_registrations_open, event.name)
            self.assertGreater(event.seats_available, 0, event.name)
            self.assertNotIn(household, event.registration_ids.property_unit_id)
            self.assertEqual(event.property_cost, 0.0, "the deposit is a draft")
        self.assertEqual(ref("property_cs.event_event_clinic_demo").seats_available, 1)
        self.assertIn(
            owner1,
            held.registration_ids.filtered(lambda r: r.state == "done").partner_id,
        )
        self.env.flush_all()
        self.assertTrue(
            self.env[REPORT].search_count([("project_id", "=", plan.project_id.id)])
        )
