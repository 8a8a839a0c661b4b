# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

import pytz
from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PropertyCsCommon

SHANGHAI = pytz.timezone("Asia/Shanghai")


def utc(year, month, day, hour=10, minute=0):
    """A naive UTC datetime of a Shanghai wall-clock time."""
    local = SHANGHAI.localize(datetime(year, month, day, hour, minute))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


class EventPlanCommon(PropertyCsCommon):
    """Last year's plan of project A, computed by hand (Y = last year, all
    of it past; Shanghai time):

    =====  ======  ===========  ======  ====================================
    item   month   type         budget  events
    =====  ======  ===========  ======  ====================================
    L1     2       festival     1000    E1 (Feb 10, held): 3 attended + 1
                                        no-show; bills 300 - credit 40 = 260
                                        (a draft bill of 999 does not count)
    L2     3       festival     2000    E2 (Mar 5, held): 2 attended; bill
                                        200 (a cancelled bill of 70 does not)
    L3     3       sports        500    E3 (Mar 20, cancelled): bill 100
    L4     6       children      800    none (missed)
    =====  ======  ===========  ======  ====================================

    Unplanned, held: E0 (festival, Y-01-01 00:30 Shanghai = Y-1-12-31 UTC)
    and E4 (festival, Apr 2): 1 attended. Not in the plan's year: E5
    (Y+1-01-01 01:00 Shanghai = Y-12-31 17:00 UTC) and an event of project
    B. Targets: 10 a year; festival 4, sports 2.

    Planned 4, budget 4300; scheduled 4 (E0 E1 E2 E4), held 4, unplanned
    2; attendees 6; cost 560 (cancelled E3 included); budget left 3740;
    target reached 40 %. Festival: planned 2, held 4 (100 %); sports:
    planned 1, held 0."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.year = fields.Date.today().year - 1
        cls.festival = ref("property_cs.event_type_festival")
        cls.sports = ref("property_cs.event_type_sports")
        cls.children = ref("property_cs.event_type_children")
        cls.cancelled = ref("event.event_stage_cancelled")
        cls.agent_b = new_test_user(
            cls.env,
            login="pcs_event_agent_b",
            groups="property_cs.group_property_cs_agent",
            name="PCS agent B",
        )
        cls.agent_b.property_project_ids = [Command.link(cls.project_b.id)]
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Lantern Supplies", "is_company": True}
        )
        Plan = cls.env["property.event.plan"].with_user(cls.manager)
        cls.plan = Plan.create(
            {
                "project_id": cls.project_a.id,
                "year": cls.year,
                "target_count": 10,
                "line_ids": [
                    Command.create(
                        {
                            "name": "Spring Festival",
                            "month": "2",
                            "event_type_id": cls.festival.id,
                            "budget": 1000.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Lantern Festival",
                            "month": "3",
                            "event_type_id": cls.festival.id,
                            "budget": 2000.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Badminton",
                            "month": "3",
                            "event_type_id": cls.sports.id,
                            "budget": 500.0,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Children's Day",
                            "month": "6",
                            "event_type_id": cls.children.id,
                            "budget": 800.0,
                        }
                    ),
                ],
                "target_ids": [
                    Command.create(
                        {"event_type_id": cls.festival.id, "target_count": 4}
                    ),
                    Command.create({"event_type_id": cls.sports.id, "target_count": 2}),
                ],
            }
        ).sudo()
        cls.l1, cls.l2, cls.l3, cls.l4 = cls.plan.line_ids.sorted("id")
        y = cls.year
        cls.e0 = cls._event("New Year's Eve", cls.festival, utc(y, 1, 1, 0, 30))
        cls.e1 = cls._event("Spring Festival", cls.festival, utc(y, 2, 10), cls.l1)
        cls.e2 = cls._event("Lanterns", cls.festival, utc(y, 3, 5), cls.l2)
        cls.e3 = cls._event("Badminton", cls.sports, utc(y, 3, 20), cls.l3)
        cls.e3.stage_id = cls.cancelled
        cls.e4 = cls._event("Calligraphy", cls.festival, utc(y, 4, 2))
        cls.e5 = cls._event("Next Year", cls.festival, utc(y + 1, 1, 1, 1, 0))
        cls.e_b = cls._event(
            "River View party", cls.festival, utc(y, 5, 1), project=cls.project_b
        )
        people = cls.env["res.partner"].create(
            [{"name": f"Resident {n}"} for n in range(7)]
        )
        cls._register(cls.e1, people[:3], "done")
        cls._register(cls.e1, people[3], "open", no_show=True)
        cls._register(cls.e2, people[4:6], "done")
        cls._register(cls.e4, people[6], "done")
        cls._register(cls.e_b, people[0], "done")
        cls.bill = cls._bill([(300.0, cls.e1), (200.0, cls.e2), (50.0, None)])
        cls._bill([(999.0, cls.e1)], post=False)
        cls._bill([(40.0, cls.e1)], move_type="in_refund")
        cls._bill([(100.0, cls.e3)])
        cancelled_bill = cls._bill([(70.0, cls.e2)])
        cancelled_bill.button_draft()
        cancelled_bill.button_cancel()

    @classmethod
    def _event(cls, name, event_type, start, line=None, project=None):
        return cls.env["event.event"].create(
            {
                "name": name,
                "event_type_id": event_type.id,
                "property_project_id": (project or cls.project_a).id,
                "property_plan_line_id": line.id if line else False,
                "date_tz": "Asia/Shanghai",
                "date_begin": start,
                "date_end": start + timedelta(hours=2),
            }
        )

    @classmethod
    def _register(cls, event, partners, state, no_show=False):
        return cls.env["event.registration"].create(
            [
                {
                    "event_id": event.id,
                    "partner_id": partner.id,
                    "state": state,
                    "property_no_show": no_show,
                }
                for partner in partners
            ]
        )

    @classmethod
    def _bill(cls, lines, post=True, move_type="in_invoice"):
        bill = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": cls.supplier.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Event supplies",
                            "quantity": 1.0,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "property_event_id": event.id if event else False,
                        }
                    )
                    for amount, event in lines
                ],
            }
        )
        if post:
            bill.action_post()
        return bill


@tagged("post_install", "-at_install")
class TestEventPlan(EventPlanCommon):
    """The annual activity plan against the actual events and costs."""

    def test_plan_against_actual(self):
        """The plan's figures are the hand-computed ones."""
        plan = self.plan
        self.assertEqual(plan.planned_count, 4)
        self.assertEqual(plan.budget_total, 4300.0)
        self.assertEqual(plan.scheduled_count, 4)
        self.assertEqual(plan.held_count, 4)
        self.assertEqual(plan.unplanned_count, 2)
        self.assertEqual(plan.attended_count, 6)
        self.assertEqual(plan.cost_total, 560.0)
        self.assertEqual(plan.budget_remaining, 3740.0)
        self.assertAlmostEqual(plan.target_progress, 40.0)
        festival, sports = plan.target_ids.sorted(lambda t: t.event_type_id.sequence)
        self.assertEqual(
            (festival.planned_count, festival.held_count, festival.progress),
            (2, 4, 100.0),
        )
        self.assertEqual(
            (sports.planned_count, sports.held_count, sports.progress), (1, 0, 0.0)
        )
        self.assertEqual(
            [
                (line.event_count, line.held_count, line.attended_count, line.cost)
                for line in (self.l1, self.l2, self.l3, self.l4)
            ],
            [(1, 1, 3, 260.0), (1, 1, 2, 200.0), (0, 0, 0, 100.0), (0, 0, 0, 0.0)],
        )

    def test_event_year_in_project_time_zone(self):
        """An event counts in the year it starts in the project's time
        zone, not in UTC."""
        Event = self.env["event.event"]
        events = Event.search(Event._property_year_domain(self.project_a, self.year))
        self.assertIn(self.e0, events)
        self.assertNotIn(self.e5, events)
        self.assertNotIn(self.e3, events, "cancelled events are not scheduled")
        self.assertNotIn(self.e_b, events)

    def test_cost_from_posted_vendor_bills_only(self):
        """Actual cost: posted vendor bills less credit notes, in the company
        currency; draft and cancelled bills do not count; posting, resetting
        and cancelling update it."""
        self.assertEqual(self.e1.property_cost, 260.0)
        self.assertEqual(self.e2.property_cost, 200.0)
        self.assertEqual(self.e3.property_cost, 100.0)
        self.assertEqual(self.e4.property_cost, 0.0)
        self.assertEqual(self.e1.property_currency_id, self.env.company.currency_id)
        draft = self.e1.property_cost_line_ids.move_id.filtered(
            lambda m: m.state == "draft"
        )
        draft.action_post()
        self.assertEqual(self.e1.property_cost, 1259.0)
        self.bill.button_draft()
        self.assertEqual(self.e1.property_cost, 959.0)
        self.assertEqual(self.e2.property_cost, 0.0)

    def test_only_vendor_bills_carry_event_costs(self):
        """A customer invoice line cannot be charged to an event, nor a line
        to an event without a project."""
        with self.assertRaises(ValidationError):
            self.env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.owner_a.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Ticket",
                                "price_unit": 10.0,
                                "property_event_id": self.e1.id,
                            }
                        )
                    ],
                }
            )
        plain = self.env["event.event"].create(
            {
                "name": "Company party",
                "date_begin": utc(self.year, 6, 1),
                "date_end": utc(self.year, 6, 1, 12),
            }
        )
        with self.assertRaises(ValidationError):
            self._bill([(10.0, plain)])

    @mute_logger("odoo.sql_db")
    def test_one_plan_per_project_and_year(self):
        """A second plan for the same project and year is refused; another
        year or another project is fine."""
        Plan = self.env["property.event.plan"]
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            Plan.create({"project_id": self.project_a.id, "year": self.year})
        Plan.create({"project_id": self.project_a.id, "year": self.year + 1})
        Plan.create({"project_id": self.project_b.id, "year": self.year})

    def test_targets_per_type_within_yearly_target(self):
        """The targets per type add up to at most the yearly target."""
        with self.assertRaises(ValidationError):
            self.plan.write({"target_count": 5})
        with self.assertRaises(ValidationError):
            self.env["property.event.plan.target"].create(
                {
                    "plan_id": self.plan.id,
                    "event_type_id": self.children.id,
                    "target_count": 5,
                }
            )

    def test_approval_workflow(self):
        """The project manager approves: the state change is tracked, the
        items, budgets and targets are locked until the plan is set back to
        draft; an agent cannot approve; an empty plan cannot be approved."""
        plan = self.plan.with_user(self.manager).with_env(
            self.env_tracking(user=self.manager)
        )
        with self.assertRaises(UserError):
            self.plan.with_user(self.agent).action_approve()
        plan.action_approve()
        self.flush_tracking()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.manager)
        self.assertTrue(plan.date_approved)
        self.plan.invalidate_recordset(["message_ids"])
        tracked = self.plan.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            (tracked.old_value_char, tracked.new_value_char), ("Draft", "Approved")
        )
        line = self.l1.with_user(self.manager)
        for change in (
            lambda: line.write({"budget": 5000.0}),
            lambda: line.unlink(),
            lambda: plan.write({"target_count": 20}),
            lambda: plan.target_ids[:1].write({"target_count": 1}),
            lambda: (
                self.env["property.event.plan.line"]
                .with_user(self.manager)
                .create(
                    {
                        "plan_id": plan.id,
                        "name": "Extra",
                        "month": "9",
                        "event_type_id": self.festival.id,
                    }
                )
            ),
        ):
            with self.assertRaises(UserError):
                change()
        # events still carry out the approved items
        self.e4.property_plan_line_id = self.l1
        self.assertEqual(self.l1.event_count, 2)
        with self.assertRaises(UserError):
            plan.action_approve()
        plan.action_reset_draft()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.approved_by_id)
        line.write({"budget": 5000.0})
        self.assertEqual(self.plan.budget_total, 8300.0)
        empty = self.env["property.event.plan"].create(
            {"project_id": self.project_b.id, "year": self.year}
        )
        with self.assertRaises(UserError):
            empty.action_approve()

    def test_plan_item_opens_a_new_event(self):
        """An item's New Event button prefills the project, type, item and a
        start in the planned month (Shanghai time); the budget follows the
        item unless one was typed."""
        action = self.l4.action_create_event()
        context = action["context"]
        self.assertEqual(context["default_property_plan_line_id"], self.l4.id)
        self.assertEqual(context["default_property_project_id"], self.project_a.id)
        self.assertEqual(context["default_event_type_id"], self.children.id)
        self.assertEqual(
            context["default_date_begin"],
            fields.Datetime.to_string(utc(self.year, 6, 15, 10)),
        )
        event = (
            self.env["event.event"]
            .with_context(**context)
            .create({"name": "Children's Day"})
        )
        self.assertEqual(event.property_budget, 800.0)
        typed = self._event("Second", self.children, utc(self.year, 6, 20), self.l4)
        typed.property_budget = 300.0
        typed.property_plan_line_id = self.l1
        self.assertEqual(typed.property_budget, 300.0)

    def test_event_constraints(self):
        """Plan item, buildings and ages must fit the event."""
        with self.assertRaises(ValidationError):
            self.e_b.property_plan_line_id = self.l1
        with self.assertRaises(ValidationError):
            self.e1.property_building_ids = self.building_b
        with self.assertRaises(ValidationError):
            self.e1.write({"property_min_age": 60, "property_max_age": 12})
        self.e1.write(
            {
                "property_min_age": 6,
                "property_max_age": 12,
                "property_building_ids": [Command.set(self.building_a.ids)],
            }
        )

    def test_photos_belong_to_the_event(self):
        """Photos uploaded in the form are attached to the event."""
        photo = self.env["ir.attachment"].create(
            {"name": "stage.png", "raw": b"\x89PNG\r\n\x1a\n"}
        )
        self.e1.property_photo_ids = [Command.link(photo.id)]
        self.assertEqual((photo.res_model, photo.res_id), ("event.event", self.e1.id))


@tagged("post_install", "-at_install")
class TestEventPlanAccess(EventPlanCommon):
    """Staff of another project read nothing of this project's plan,
    events or figures; head office reads all; finance reads the plan."""

    def test_other_project_agent_reads_nothing(self):
        """The agent of project B neither finds nor reads project A's plan,
        items, targets, events or plan-against-actual rows."""
        for model, record in (
            ("property.event.plan", self.plan),
            ("property.event.plan.line", self.l1),
            ("property.event.plan.target", self.plan.target_ids[:1]),
            ("event.event", self.e1),
        ):
            Model = self.env[model].with_user(self.agent_b)
            self.assertNotIn(record, Model.search([]), model)
            with self.assertRaises(AccessError, msg=model):
                Model.browse(record.id).read(["display_name"])
        self.env.flush_all()
        Report = self.env["property.event.plan.report"]
        self.assertTrue(Report.search([("project_id", "=", self.project_a.id)]))
        self.assertFalse(
            Report.with_user(self.agent_b).search(
                [("project_id", "=", self.project_a.id)]
            )
        )
        self.assertTrue(Report.with_user(self.agent_b).search([]))

    def test_head_office_and_own_staff_read(self):
        """Head office reads every project's plan and figures; the project's
        agent and finance read their project's plan with its actual
        figures, which they cannot change."""
        head_office = self.users["head_office"]
        self.assertEqual(
            self.env["property.event.plan"]
            .with_user(head_office)
            .search([("id", "=", self.plan.id)]),
            self.plan,
        )
        self.env.flush_all()
        rows = self.env["property.event.plan.report"].with_user(head_office)
        self.assertEqual(
            set(rows.search([]).project_id.ids) >= {self.project_a.id}, True
        )
        for role in ("agent", "finance"):
            plan = self.plan.with_user(self.users[role])
            self.assertEqual(plan.held_count, 4, role)
            self.assertEqual(plan.cost_total, 560.0, role)
            with self.assertRaises(AccessError, msg=role):
                plan.write({"note": "changed"})
        self.assertEqual(self.e1.with_user(self.users["finance"]).property_cost, 260.0)


@tagged("post_install", "-at_install")
class TestEventPlanReport(EventPlanCommon):
    """The plan-against-actual report of the fixture, by type and month;
    ratios of a group are ratios of its sums."""

    def _rows(self, groupby, aggregates):
        self.env.flush_all()
        return self.env["property.event.plan.report"]._read_group(
            [("project_id", "=", self.project_a.id), ("year", "=", self.year)],
            [groupby],
            aggregates,
        )

    def test_by_type(self):
        """Per type: targets, planned, held, budget, cost, attendees, cost
        per participant and plan achieved."""
        rows = {
            event_type: values
            for event_type, *values in self._rows(
                "event_type_id",
                [
                    "target_count:sum",
                    "planned_count:sum",
                    "held_count:sum",
                    "budget:sum",
                    "cost:sum",
                    "attended_count:sum",
                    "cost_per_participant:avg",
                    "plan_rate:avg",
                    "target_rate:avg",
                ],
            )
        }
        festival = rows[self.festival]
        self.assertEqual(festival[:6], [4, 2, 4, 3000.0, 460.0, 6])
        self.assertAlmostEqual(festival[6], 460.0 / 6)
        self.assertAlmostEqual(festival[7], 200.0)
        self.assertAlmostEqual(festival[8], 100.0)
        self.assertEqual(rows[self.sports][:6], [2, 1, 0, 500.0, 100.0, 0])
        self.assertFalse(rows[self.sports][6], "no attendee: no cost per participant")
        self.assertEqual(rows[self.children][:6], [0, 1, 0, 800.0, 0.0, 0])

    def test_by_month(self):
        """Per month of the year (targets have no month)."""
        rows = {
            month: values
            for month, *values in self._rows(
                "date:month",
                ["planned_count:sum", "held_count:sum", "budget:sum", "cost:sum"],
            )
        }
        self.assertEqual(
            {str(key): value for key, value in rows.items() if key},
            {
                f"{self.year}-01-01": [0, 1, 0.0, 0.0],
                f"{self.year}-02-01": [1, 1, 1000.0, 260.0],
                f"{self.year}-03-01": [2, 1, 2500.0, 300.0],
                f"{self.year}-04-01": [0, 1, 0.0, 0.0],
                f"{self.year}-06-01": [1, 0, 800.0, 0.0],
            },
        )
        [(total_target,)] = self.env["property.event.plan.report"]._read_group(
            [("plan_id", "=", self.plan.id), ("date", "=", False)],
            [],
            ["target_count:sum"],
        )
        self.assertEqual(total_target, 6)
