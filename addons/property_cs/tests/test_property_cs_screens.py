# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import Form, new_test_user, tagged

from .common import GROUP, PropertyCsCommon
from .test_property_cs_performance import OWNER_FORM_SPEC

T0 = datetime(2026, 3, 2, 2, 0, 0)  # a Monday, 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestPropertyTicketNextDeadline(PropertyCsCommon):
    """The next deadline of a ticket in lists and kanban: the earliest open
    SLA target of the current cycle, the reply of a complaint; overdue and
    due-soon filters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.department"].search([]).write({"leader_id": False})
        cls.Ticket = cls.env["property.ticket"]
        cls.cat_general = cls.env.ref("property_cs.property_ticket_category_cleaning")

    def _ticket(self, **vals):
        return self.Ticket.create(
            {
                "name": "Stairs not cleaned",
                "unit_id": self.unit_a1.id,
                "category_id": self.cat_general.id,
                **vals,
            }
        )

    def test_next_deadline_follows_open_targets(self):
        with freeze_time(T0):
            ticket = self._ticket()
        self.assertTrue(ticket.date_commit_deadline)
        self.assertEqual(
            ticket.next_deadline,
            min(
                d
                for d in (
                    ticket.date_commit_deadline,
                    ticket.date_arrival_deadline,
                    ticket.date_close_deadline,
                )
                if d
            ),
        )
        # the commitment is given: the next open target counts
        ticket.date_committed = T0 + timedelta(minutes=1)
        self.assertEqual(
            ticket.next_deadline,
            min(
                d
                for d in (ticket.date_arrival_deadline, ticket.date_close_deadline)
                if d
            ),
        )
        # done: nothing is due any more
        ticket.action_done()
        self.assertFalse(ticket.next_deadline)

    def test_paused_ticket_has_no_deadline(self):
        with freeze_time(T0):
            ticket = self._ticket()
        ticket.write(
            {
                "pause_reason": "Owner away",
                "stage_id": self.env.ref(
                    "property_cs.property_ticket_stage_waiting_owner"
                ).id,
            }
        )
        self.assertFalse(ticket.next_deadline)
        self.assertFalse(ticket.is_overdue)

    def test_overdue_and_due_soon_filters(self):
        with freeze_time(T0):
            ticket = self._ticket()
        deadline = ticket.next_deadline
        domain = [("id", "=", ticket.id)]
        with freeze_time(deadline - timedelta(hours=2)):
            ticket.invalidate_recordset(["is_overdue", "is_due_soon"])
            self.assertFalse(ticket.is_overdue or ticket.is_due_soon)
            self.assertFalse(self.Ticket.search(domain + [("is_overdue", "=", True)]))
            self.assertFalse(self.Ticket.search(domain + [("is_due_soon", "=", True)]))
            self.assertTrue(self.Ticket.search(domain + [("is_overdue", "=", False)]))
        with freeze_time(deadline - timedelta(minutes=30)):
            ticket.invalidate_recordset(["is_overdue", "is_due_soon"])
            self.assertTrue(ticket.is_due_soon)
            self.assertFalse(ticket.is_overdue)
            self.assertTrue(self.Ticket.search(domain + [("is_due_soon", "=", True)]))
            self.assertFalse(self.Ticket.search(domain + [("is_due_soon", "=", False)]))
        with freeze_time(deadline + timedelta(minutes=1)):
            ticket.invalidate_recordset(["is_overdue", "is_due_soon"])
            self.assertTrue(ticket.is_overdue)
            self.assertFalse(ticket.is_due_soon)
            self.assertTrue(self.Ticket.search(domain + [("is_overdue", "=", True)]))
            self.assertTrue(self.Ticket.search(domain + [("is_due_soon", "!=", True)]))
            # the supervisor's filter, as the search view applies it
            overdue = self.Ticket.with_user(self.users["supervisor"]).search(
                domain + [("is_overdue", "=", True)]
            )
            self.assertEqual(overdue, ticket)

    def test_complaint_next_deadline_is_the_reply(self):
        """A complaint without SLA targets is due at its reply deadline
        until replied to."""
        with freeze_time(T0):
            complaint = self.Ticket.create(
                {
                    "name": "Rude guard",
                    "kind": "complaint",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                }
            )
        self.assertTrue(complaint.date_complaint_reply_due)
        self.assertLessEqual(
            complaint.next_deadline, complaint.date_complaint_reply_due
        )
        complaint.write(
            {
                "pause_reason": "Owner away",
                "stage_id": self.env.ref(
                    "property_cs.property_ticket_stage_waiting_owner"
                ).id,
            }
        )
        # the reply deadline runs in calendar days, paused or not
        self.assertEqual(complaint.next_deadline, complaint.date_complaint_reply_due)

    def test_views_show_deadline_and_filters(self):
        """The list shows the whole number and the next deadline, the kanban
        card the deadline, the search view the overdue filters."""
        Ticket = self.Ticket.with_user(self.users["supervisor"])
        views = Ticket.get_views(
            [(False, "list"), (False, "kanban"), (False, "search")]
        )
        list_arch = etree.fromstring(views["views"]["list"]["arch"])
        number = list_arch.xpath("//field[@name='number']")[0]
        self.assertTrue(number.get("width"))
        self.assertTrue(list_arch.xpath("//field[@name='next_deadline']"))
        self.assertIn("is_overdue", list_arch.get("decoration-danger", ""))
        kanban = etree.fromstring(views["views"]["kanban"]["arch"])
        self.assertTrue(kanban.xpath("//templates//field[@name='next_deadline']"))
        search = etree.fromstring(views["views"]["search"]["arch"])
        for name in ("overdue", "due_soon", "my_tickets"):
            self.assertTrue(search.xpath(f"//filter[@name='{name}']"), name)

    def test_kanban_deadline_adds_no_query(self):
        """Reading the stored deadline and the overdue flags on 80 cards
        costs no more queries than on 20."""
        self.Ticket.create(
            [
                {
                    "name": f"Leak {i}",
                    "unit_id": self.unit_a1.id,
                    "category_id": self.cat_general.id,
                }
                for i in range(80)
            ]
        )
        base = {
            "number": {},
            "name": {},
            "stage_id": {"fields": {"display_name": {}}},
        }
        deadline = dict(base, next_deadline={}, is_overdue={}, is_due_soon={})
        Ticket = self.Ticket.with_user(self.agent)
        domain = [("project_id", "=", self.project_a.id)]

        def count(spec, limit):
            self.env.invalidate_all()
            Ticket.web_search_read(domain, spec, limit=limit)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            Ticket.web_search_read(domain, spec, limit=limit)
            return self.cr.sql_log_count - before

        self.assertEqual(count(deadline, 20), count(deadline, 80))
        self.assertEqual(count(deadline, 80), count(base, 80))


@tagged("post_install", "-at_install")
class TestPropertyOwnerServiceHistory(PropertyCsCommon):
    """The owner form shows the owner's tickets, complaints and callbacks
    the reader may see; roles without access get zero, never an error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["property.department"].search([]).write({"leader_id": False})
        Ticket = cls.env["property.ticket"]
        cls.repair = Ticket.create(
            {
                "name": "Tap dripping",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
            }
        )
        cls.complaint = Ticket.create(
            {
                "name": "Rude guard",
                "kind": "complaint",
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.owner_a.id,
                "user_id": cls.agent.id,
            }
        )
        cls.callback = cls.env["property.callback"].create(
            {
                "name": "Callback tap",
                "date_due": "2026-03-03 02:00:00",
                "ticket_id": cls.repair.id,
                "project_id": cls.project_a.id,
                "partner_id": cls.owner_a.id,
            }
        )

    def test_counts_per_role(self):
        expected = {
            "agent": (1, 1, 1),
            "supervisor": (1, 1, 1),
            "head_office": (1, 1, 1),
            # no access to callbacks: zero, not an error
            "finance": (1, None, 0),
            "surveyor": (None, None, 0),
        }
        for role, (tickets, complaints, callbacks) in expected.items():
            owner = self.owner_a.with_user(self.users[role])
            owner.invalidate_recordset()
            with self.subTest(role=role):
                if tickets is not None:
                    self.assertEqual(owner.property_ticket_count, tickets)
                if complaints is not None:
                    self.assertEqual(owner.property_complaint_count, complaints)
                self.assertEqual(owner.property_callback_count, callbacks)

    def test_form_reads_for_every_staff_role(self):
        """Every staff role opens the owner form with its counts."""
        spec = dict(
            OWNER_FORM_SPEC,
            property_ticket_count={},
            property_complaint_count={},
            property_callback_count={},
        )
        for role, user in self.users.items():
            with self.subTest(role=role):
                owner = self.owner_a.with_user(user)
                owner.invalidate_recordset()
                views = owner.get_views([(False, "form")])
                self.assertTrue(views["views"]["form"]["arch"])
                fields = owner.fields_get()
                owner.web_read({k: v for k, v in spec.items() if k in fields})

    def test_counts_respect_complaint_confidentiality(self):
        """Another agent of the project does not count a complaint handled by
        someone else when the rules hide it from them."""
        other = new_test_user(
            self.env, login="pcs_agent_x", groups=GROUP % "agent", name="Agent X"
        )
        other.property_project_ids = [Command.link(self.project_a.id)]
        visible = (
            self.env["property.ticket"]
            .with_user(other)
            .search_count(
                [("partner_id", "=", self.owner_a.id), ("kind", "=", "complaint")]
            )
        )
        owner = self.owner_a.with_user(other)
        self.assertEqual(owner.property_complaint_count, visible)

    def test_buttons_open_the_filtered_lists(self):
        owner = self.owner_a.with_user(self.agent)
        for method, records in (
            ("action_view_property_tickets", self.repair),
            ("action_view_property_complaints", self.complaint),
            ("action_view_property_callbacks", self.callback),
        ):
            action = getattr(owner, method)()
            self.assertEqual(action["views"][0][1], "list")
            found = (
                self.env[action["res_model"]]
                .with_user(self.agent)
                .search(action["domain"])
            )
            self.assertEqual(found, records, method)

    def test_owner_file_is_the_first_tab_with_wide_dates(self):
        arch = self.owner_a.with_user(self.agent).get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        form = etree.fromstring(arch)
        pages = form.xpath("//notebook/page")
        self.assertEqual(pages[0].get("name"), "property_owner_file")
        self.assertTrue(form.xpath("//button[@name='action_view_property_tickets']"))
        for date in form.xpath(
            "//page[@name='property_owner_file']//field[@name='unit_link_ids']"
            "//field[starts-with(@name, 'date_')]"
        ):
            # the Chinese date format (2026年03月02日) needs more than the
            # 80 px Odoo gives date columns
            self.assertTrue(date.get("width"), date.get("name"))

    def test_owner_form_counts_queries_constant(self):
        """The counts cost one grouped query per model, whatever the number
        of tickets."""
        spec = dict(
            property_ticket_count={},
            property_complaint_count={},
            property_callback_count={},
        )
        owner = self.owner_a.with_user(self.agent)

        def count():
            self.env.invalidate_all()
            owner.web_read(spec)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            owner.web_read(spec)
            return self.cr.sql_log_count - before

        few = count()
        self.env["property.ticket"].create(
            [
                {
                    "name": f"T{i}",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                }
                for i in range(30)
            ]
        )
        self.assertEqual(few, count())
        self.env.invalidate_all()
        # two grouped counts (tickets by kind, callbacks) and their rules
        with self.assertQueryCount(6):
            owner.web_read(spec)


@tagged("post_install", "-at_install")
class TestPropertyProjectReplyDays(PropertyCsCommon):
    """The project form shows the complaint reply days that apply."""

    def test_form_shows_company_days_and_keeps_overrides(self):
        self.company.write(
            {
                "property_complaint_reply_days_minor": 10,
                "property_complaint_reply_days_serious": 5,
                "property_complaint_reply_days_critical": 2,
            }
        )
        project = self.env["property.project"].create({"name": "New", "code": "NW"})
        self.assertEqual(
            (
                project.complaint_reply_days_minor_effective,
                project.complaint_reply_days_serious_effective,
                project.complaint_reply_days_critical_effective,
            ),
            (10, 5, 2),
        )
        self.assertTrue(project.complaint_reply_days_is_company)
        with Form(project) as form:
            form.complaint_reply_days_critical_effective = 1
        self.assertEqual(project.complaint_reply_days_critical, 1)
        self.assertEqual(project.complaint_reply_days_minor, 0)
        self.assertFalse(project.complaint_reply_days_is_company)
        # the company's days again: the project follows the company
        project.complaint_reply_days_critical_effective = 2
        self.assertEqual(project.complaint_reply_days_critical, 0)
        self.company.property_complaint_reply_days_critical = 3
        self.assertEqual(project.complaint_reply_days_critical_effective, 3)
        arch = project.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("complaint_reply_days_minor_effective", arch)


@tagged("post_install", "-at_install")
class TestPropertyDemoPrices(PropertyCsCommon):
    def test_demo_price_list_has_common_repairs(self):
        """The demo shows a published price list of common paid repairs."""
        tap = self.env.ref("property_cs.demo_service_price_tap")
        self.assertGreater(tap.price, 0)
        prices = self.env["property.service.price"].search([])
        self.assertGreaterEqual(len(prices), 4)
        self.assertTrue(all(price.price > 0 for price in prices))
