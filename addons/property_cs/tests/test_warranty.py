# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import PropertyCsCommon

T0 = datetime(2026, 3, 2, 2, 0, 0)  # 10:00 in Shanghai
TODAY = date(2026, 3, 2)
# the end of a day in Shanghai, in UTC
END_OF_DAY = timedelta(hours=15, minutes=59, seconds=59)


class WarrantyCommon(PropertyCsCommon):
    """Project A's developer with a portal contact, project B's another;
    unit A1 handed over on 1 June 2025."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.developer = Partner.create(
            {"name": "Osmanthus Development Co.", "is_company": True, "lang": "en_US"}
        )
        cls.developer_b = Partner.create(
            {"name": "River Development Co.", "is_company": True}
        )
        cls.project_a.write(
            {
                "developer_partner_id": cls.developer.id,
                "tz": "Asia/Shanghai",
                "warranty_days_critical": 3,
                "warranty_days_major": 7,
                "warranty_days_minor": 15,
                "warranty_warning_days": 2,
                "warranty_manager_days": 3,
            }
        )
        cls.project_b.write(
            {"developer_partner_id": cls.developer_b.id, "tz": "Asia/Shanghai"}
        )
        cls.unit_a1.date_handover = date(2025, 6, 1)
        cls.dev_contact = Partner.create(
            {"name": "Engineer Zhou", "parent_id": cls.developer.id, "lang": "en_US"}
        )
        cls.dev_user = new_test_user(
            cls.env,
            login="pcs_developer",
            groups="base.group_portal",
            partner_id=cls.dev_contact.id,
            name="Engineer Zhou",
        )
        cls.dev_contact_b = Partner.create(
            {"name": "Engineer Qian", "parent_id": cls.developer_b.id}
        )
        cls.dev_user_b = new_test_user(
            cls.env,
            login="pcs_developer_b",
            groups="base.group_portal",
            partner_id=cls.dev_contact_b.id,
            name="Engineer Qian",
        )
        cls.cat_decoration = cls.env.ref(
            "property_cs.property_warranty_category_decoration"
        )
        cls.cat_structure = cls.env.ref(
            "property_cs.property_warranty_category_structure"
        )
        cls.cat_electrical = cls.env.ref(
            "property_cs.property_warranty_category_electrical"
        )
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def _defect(self, user=None, **vals):
        values = {
            "unit_id": self.unit_a1.id,
            "category_id": self.cat_decoration.id,
            "room": "Living room",
            "item": "Cracked wall plaster",
            "description": "Hollow plaster of about 2 m2 on the east wall.",
            "severity": "minor",
        }
        values.update(vals)
        Defect = self.env["property.warranty.defect"]
        return Defect.with_user(user or self.agent).create(values)

    def _ticket(self, **vals):
        values = {
            "name": "Power keeps tripping",
            "kind": "repair",
            "project_id": self.project_a.id,
            "unit_id": self.unit_a1.id,
            "partner_id": self.owner_a.id,
            "category_id": self.env.ref(
                "property_cs.property_ticket_category_power_outage"
            ).id,
        }
        if vals.get("kind") == "complaint":
            values["user_id"] = self.agent.id
        values.update(vals)
        return self.env["property.ticket"].create(values)

    def _deadline(self, defect, cycle=0):
        return self.env["property.deadline"].search(
            [
                ("res_model", "=", defect._name),
                ("res_id", "=", defect.id),
                ("target", "=", "warranty"),
                ("cycle", "=", cycle),
            ]
        )


@tagged("post_install", "-at_install")
class TestWarrantyDefect(WarrantyCommon):
    """Warranty periods, the hand-off to the developer with its due date on
    the deadline engine, the overdue escalation, the developer's answer,
    the repair, the verification and a reopening; the owner is told of each
    step in their language (D-19, D-22, domain_standards D8)."""

    def test_statutory_periods_shipped(self):
        months = {
            "structure": 600,
            "roof": 60,
            "wet_room": 60,
            "exterior_wall": 60,
            "heating_cooling": 24,
            "electrical": 24,
            "plumbing": 24,
            "equipment": 24,
            "decoration": 24,
        }
        for code, expected in months.items():
            category = self.env.ref(f"property_cs.property_warranty_category_{code}")
            self.assertEqual(category.months, expected, code)

    def test_warranty_until_counts_from_handover(self):
        handed = date(2025, 6, 1)
        category = self.cat_decoration
        self.assertEqual(category._warranty_until(handed), date(2027, 5, 31))
        self.assertTrue(category._is_within_warranty(handed, date(2027, 5, 31)))
        self.assertFalse(category._is_within_warranty(handed, date(2027, 6, 1)))
        # before the handover the developer still holds the unit
        self.assertTrue(category._is_within_warranty(False, date(2030, 1, 1)))
        self.assertTrue(category._is_within_warranty(handed, date(2025, 5, 1)))
        self.assertTrue(
            self.cat_structure._is_within_warranty(handed, date(2070, 1, 1))
        )

    def test_repair_ticket_shows_developer_warranty(self):
        with freeze_time(T0):
            ticket = self._ticket()
        self.assertEqual(ticket.warranty_category_id, self.cat_electrical)
        self.assertEqual(ticket.developer_warranty_state, "within")
        self.assertEqual(ticket.developer_warranty_until, date(2027, 5, 31))
        self.assertIn("Within the developer's warranty", ticket.developer_warranty_text)
        self.assertTrue(ticket.can_hand_to_developer)
        late = self._ticket(date_reported=datetime(2027, 7, 1, 2, 0))
        self.assertEqual(late.developer_warranty_state, "expired")
        self.assertFalse(late.can_hand_to_developer)
        # the structure is the developer's for its design life
        late.warranty_category_id = self.cat_structure
        self.assertEqual(late.developer_warranty_state, "within")
        self.assertTrue(late.can_hand_to_developer)
        not_handed = self._ticket(unit_id=self.unit_a2.id)
        self.assertEqual(not_handed.developer_warranty_state, "not_handed")
        complaint = self._ticket(
            kind="complaint", date_reported=datetime(2027, 7, 1, 2, 0)
        )
        self.assertFalse(complaint.developer_warranty_state)
        self.assertTrue(complaint.can_hand_to_developer)
        # a project without developer hands nothing over
        self.project_a.developer_partner_id = False
        ticket.invalidate_recordset(["can_hand_to_developer"])
        self.assertFalse(ticket.can_hand_to_developer)

    def test_hand_off_due_by_severity_on_the_engine(self):
        with freeze_time(T0):
            defects = (
                self._defect(severity="critical")
                | self._defect(severity="major")
                | self._defect(severity="minor")
            )
            self.assertFalse(self._deadline(defects[0]))
            defects.with_user(self.agent).action_hand_to_developer()
        self.assertEqual(set(defects.mapped("state")), {"handed"})
        self.assertEqual(
            defects.mapped("date_due"),
            [
                TODAY + timedelta(days=3),
                TODAY + timedelta(days=7),
                TODAY + timedelta(days=15),
            ],
        )
        minor = defects[2]
        row = self._deadline(minor)
        self.assertEqual(row.state, "running")
        self.assertEqual(row.user_id, self.agent)
        self.assertEqual(row.project_id, self.project_a)
        due = datetime(2026, 3, 17) + END_OF_DAY
        self.assertEqual(row.date_due, due)
        self.assertEqual(row.date_next_step, due - timedelta(days=2))
        self.assertEqual(minor.developer_partner_id, self.developer)
        # the developer's contact follows and is told
        self.assertIn(self.dev_contact, minor.message_partner_ids)
        told = minor.message_ids.filtered(lambda m: "repair due by" in (m.body or ""))
        self.assertEqual(told.message_type, "comment")
        self.assertIn(self.dev_contact, told.partner_ids)
        # the owner (current owner of the unit) is told directly, not on
        # the defect the developer reads
        self.assertEqual(minor.partner_id, self.owner_a)
        notices = self.env["mail.message"].search(
            [
                ("partner_ids", "in", self.owner_a.ids),
                ("message_type", "=", "user_notification"),
                ("body", "ilike", "Cracked wall plaster"),
            ]
        )
        self.assertEqual(len(notices), 3)
        self.assertFalse(
            minor.message_ids.filtered(lambda m: self.owner_a in m.partner_ids)
        )
        with self.assertRaises(UserError):
            minor.with_user(self.agent).action_hand_to_developer()

    def test_overdue_breach_and_escalation(self):
        """Warned two days before, the breach at the end of the due day
        reminds the developer and gives the follower a to-do (the editable
        rule), the project manager is told three days after; the repair
        meets the deadline."""
        Deadline = self.env["property.deadline"]
        with freeze_time(T0):
            defect = self._defect()
            defect.with_user(self.agent).action_hand_to_developer()
        row = self._deadline(defect)
        due = row.date_due
        with freeze_time(due - timedelta(days=2, minutes=1)):
            Deadline._cron_deadline_pass()
        self.assertFalse(row.escalation_ids)
        with freeze_time(due - timedelta(days=2)):
            Deadline._cron_deadline_pass()
        self.assertEqual(row.escalation_ids.mapped("step"), ["warning"])
        self.assertIn(self.agent, defect.activity_ids.user_id)
        with freeze_time(due + timedelta(minutes=1)):
            Deadline._cron_deadline_pass()
        self.assertEqual(len(row.breach_ids), 1)
        reminder = defect.message_ids.filtered(
            lambda m: "Please repair it without delay" in (m.body or "")
        )
        self.assertEqual(len(reminder), 1)
        self.assertIn(self.dev_contact, reminder.partner_ids)
        self.assertIn(
            "Chase the developer: repair overdue", defect.activity_ids.mapped("summary")
        )
        with freeze_time(due + timedelta(days=1)):
            defect.invalidate_recordset(["is_overdue"])
            self.assertTrue(defect.is_overdue)
            Defect = self.env["property.warranty.defect"].with_user(self.agent)
            self.assertIn(defect, Defect.search([("is_overdue", "=", True)]))
            self.assertNotIn(defect, Defect.search([("is_overdue", "=", False)]))
        with freeze_time(due + timedelta(days=3, hours=1)):
            Deadline._cron_deadline_pass()
            Deadline._cron_deadline_pass()  # nothing fires twice
        self.assertEqual(
            sorted(row.escalation_ids.mapped("step")), ["manager", "warning"]
        )
        self.assertIn(self.manager, defect.activity_ids.user_id)
        self.assertEqual(len(row.breach_ids), 1)
        with freeze_time(due + timedelta(days=4)):
            defect.with_user(self.agent).action_fixed()
            defect.invalidate_recordset(["is_overdue"])
            self.assertFalse(defect.is_overdue)
        self.assertEqual(row.state, "met")

    def test_breach_reaction_is_an_editable_rule(self):
        rule = self.env.ref("property_cs.base_automation_warranty_overdue")
        self.assertEqual(rule.model_id.model, "property.deadline.breach")
        self.assertEqual(rule.trigger, "on_create")
        self.assertIn("warranty", rule.filter_domain)
        self.assertIn("_warranty_overdue", rule.action_server_ids.code)

    def test_answer_fix_verify_reopen(self):
        ticket = self._ticket(kind="repair")
        with freeze_time(T0):
            defect = self._defect(ticket_id=ticket.id)
            defect.with_user(self.agent).action_hand_to_developer()
            with self.assertRaises(UserError):
                defect.with_user(self.agent).action_close()
            wizard = Form(
                self.env["property.warranty.defect.step"]
                .with_user(self.agent)
                .with_context(default_defect_id=defect.id, default_step="answer")
            )
            wizard.text = "Our plasterer comes on Friday."
            wizard.date_planned = TODAY + timedelta(days=4)
            wizard.save().action_confirm()
        self.assertEqual(defect.developer_answer, "Our plasterer comes on Friday.")
        self.assertEqual(defect.date_planned, TODAY + timedelta(days=4))
        owner_bodies = ticket.message_ids.filtered(
            lambda m: m.message_type == "comment"
        ).mapped("body")
        self.assertTrue(any("passed to the developer" in b for b in owner_bodies))
        self.assertTrue(
            any("Our plasterer comes on Friday." in b for b in owner_bodies)
        )
        with freeze_time(T0 + timedelta(days=4)):
            defect.with_user(self.agent).action_fixed()
        self.assertEqual(defect.state, "fixed")
        self.assertEqual(self._deadline(defect).state, "met")
        with freeze_time(T0 + timedelta(days=5)):
            defect.with_user(self.agent).action_close()
        self.assertEqual(defect.state, "closed")
        self.assertEqual(defect.closed_by_id, self.agent)
        bodies = ticket.message_ids.mapped("body")
        self.assertTrue(any("is repaired" in b for b in bodies))
        self.assertTrue(any("has been checked" in b for b in bodies))
        # the defect came back: a new cycle with a new due date
        with freeze_time(T0 + timedelta(days=20)):
            defect.with_user(self.agent).action_reopen("Cracks again")
        self.assertEqual(defect.state, "handed")
        self.assertEqual(defect.reopen_count, 1)
        self.assertEqual(defect.date_due, TODAY + timedelta(days=35))
        self.assertFalse(defect.date_closed)
        self.assertEqual(self._deadline(defect).state, "met")
        self.assertEqual(self._deadline(defect, cycle=1).state, "running")
        self.assertTrue(
            any(
                "passed to the developer again" in b
                for b in ticket.message_ids.mapped("body")
            )
        )
        defect.with_user(self.agent).action_cancel("Owner repaired it himself")
        self.assertEqual(defect.state, "cancelled")
        self.assertEqual(self._deadline(defect, cycle=1).state, "cancelled")

    def test_owner_told_in_their_language(self):
        """The owner reads Chinese, the developer English: each is told in
        their own language (the due date in their date format)."""
        self.owner_a.lang = "zh_CN"
        ticket = self._ticket()
        with freeze_time(T0):
            defect = self._defect(ticket_id=ticket.id)
            defect.with_user(self.agent).action_hand_to_developer()
        owner_message = ticket.message_ids.filtered(
            lambda m: (
                m.message_type == "comment" and "Cracked wall plaster" in (m.body or "")
            )
        )
        self.assertEqual(len(owner_message), 1)
        # the due date in the owner's (zh_CN) date format
        self.assertIn("2026年03月17日", owner_message.body)
        developer_message = defect.message_ids.filtered(
            lambda m: "repair due by" in (m.body or "")
        )
        self.assertIn("03/17/2026", developer_message.body)

    def test_hand_off_refuses_personal_data_and_expired_warranty(self):
        with freeze_time(T0):
            phone = self._defect(description="Call the owner on 13800000001")
            with self.assertRaisesRegex(UserError, "phone or identity number"):
                phone.with_user(self.agent).action_hand_to_developer()
            identity = self._defect(description="Owner id 110101199003071234")
            with self.assertRaises(UserError):
                identity.with_user(self.agent).action_hand_to_developer()
            name = self._defect(description="Zhang Wei says it leaks")
            with self.assertRaisesRegex(UserError, "owner's name"):
                name.with_user(self.agent).action_hand_to_developer()
            self.assertEqual((phone | identity | name).mapped("state"), ["draft"] * 3)
        with freeze_time("2027-07-01 02:00:00"):
            late = self._defect()
            self.assertFalse(late.is_within_warranty)
            with self.assertRaisesRegex(UserError, "not the developer's"):
                late.with_user(self.agent).action_hand_to_developer()
            structure = self._defect(category_id=self.cat_structure.id)
            structure.with_user(self.agent).action_hand_to_developer()
            self.assertEqual(structure.state, "handed")

    def test_ticket_hand_off_wizard(self):
        ticket = self._ticket(description="<p>Breaker trips every evening</p>")
        with freeze_time(T0):
            wizard = Form(
                self.env["property.warranty.handoff"]
                .with_user(self.agent)
                .with_context(default_ticket_id=ticket.id)
            )
            self.assertEqual(wizard.kind, "defect")
            self.assertEqual(wizard.category_id, self.cat_electrical)
            self.assertEqual(wizard.item, "Power keeps tripping")
            self.assertEqual(wizard.description, "Breaker trips every evening")
            self.assertEqual(wizard.developer_partner_id, self.developer)
            wizard.room = "Kitchen"
            wizard.save().action_confirm()
        defect = ticket.warranty_defect_ids
        self.assertEqual(len(defect), 1)
        self.assertEqual(ticket.warranty_defect_count, 1)
        self.assertEqual(defect.state, "handed")
        self.assertEqual(defect.room, "Kitchen")
        self.assertEqual(defect.partner_id, self.owner_a)
        # outside the warranty the wizard refuses a defect
        late = self._ticket(date_reported=datetime(2027, 7, 1, 2, 0))
        wizard = Form(
            self.env["property.warranty.handoff"]
            .with_user(self.agent)
            .with_context(default_ticket_id=late.id)
        )
        with self.assertRaises(UserError):
            wizard.save().action_confirm()

    def test_quality_complaint_answer_recorded_on_the_complaint(self):
        complaint = self._ticket(
            kind="complaint", name="Windows let the rain in", description=False
        )
        with freeze_time(T0):
            wizard = Form(
                self.env["property.warranty.handoff"]
                .with_user(self.agent)
                .with_context(default_ticket_id=complaint.id)
            )
            self.assertEqual(wizard.kind, "complaint")
            wizard.description = "Rain enters through the bedroom window frames."
            wizard.save().action_confirm()
            item = complaint.warranty_defect_ids
            self.assertEqual(item.kind, "complaint")
            with self.assertRaises(UserError):
                item.with_user(self.agent).action_close()
            item.with_user(self.dev_user)._portal_answer(
                "The window supplier re-seals all frames next week."
            )
        self.assertEqual(item.state, "handed")
        note = complaint.message_ids.filtered(
            lambda m: (
                "re-seals all frames" in (m.body or "")
                and m.subtype_id == self.env.ref("mail.mt_note")
            )
        )
        self.assertTrue(note, "the answer is recorded on the complaint")
        self.assertIn(
            "Reply to the owner with the developer's answer",
            complaint.activity_ids.mapped("summary"),
        )
        item.with_user(self.agent).action_close()
        self.assertEqual(item.state, "closed")

    def test_workflow_fields_only_through_actions(self):
        defect = self._defect()
        with self.assertRaises(UserError):
            defect.with_user(self.agent).write({"state": "closed"})
        self.assertEqual(defect.state, "draft")

    def test_staff_see_their_projects(self):
        defect_a = self._defect()
        defect_b = self._defect(user=self.env.user, unit_id=self.unit_b1.id)
        Defect = self.env["property.warranty.defect"]
        for role in ("agent", "department", "finance"):
            found = Defect.with_user(self.users[role]).search([])
            self.assertIn(defect_a, found, role)
            self.assertNotIn(defect_b, found, role)
        found = Defect.with_user(self.users["head_office"]).search([])
        self.assertIn(defect_b, found)
        with self.assertRaises(AccessError):
            defect_b.with_user(self.agent).read(["item"])
        with self.assertRaises(AccessError):
            defect_a.with_user(self.users["finance"]).write({"room": "Hall"})

    def test_developer_page_counts(self):
        with freeze_time(T0):
            overdue = self._defect()
            overdue.with_user(self.agent).action_hand_to_developer()
            self._defect(severity="critical").with_user(
                self.agent
            ).action_hand_to_developer()
            self._defect()  # still draft
            complaint = self._defect(kind="complaint")
            complaint.with_user(self.agent).action_hand_to_developer()
        self.env["property.meeting"].create(
            {
                "name": "Monthly coordination",
                "kind": "developer",
                "project_id": self.project_a.id,
                "developer_partner_id": self.developer.id,
                "date": T0,
            }
        )
        with freeze_time(T0 + timedelta(days=5)):
            developer = self.developer.with_user(self.manager)
            self.assertEqual(developer.property_defect_open_count, 2)
            self.assertEqual(developer.property_defect_overdue_count, 1)
            self.assertEqual(developer.property_complaint_handed_count, 1)
            # meetings are counted with the reader's access to meetings
            # (granted to staff by the committee part)
            self.assertEqual(self.developer.property_developer_meeting_count, 1)
            self.assertEqual(developer.property_developer_statement_count, 0)
            # a contact's page shows its company's counts
            self.assertEqual(
                self.dev_contact.with_user(self.manager).property_defect_open_count, 2
            )
        self.assertIn(self.project_a, self.developer.property_developer_project_ids)

    def test_defect_from_handover_inspection_without_handover_date(self):
        """A unit not handed over yet: its defects are the developer's
        whatever the category."""
        self.unit_a3.date_handover = False
        with freeze_time(T0):
            defect = self._defect(unit_id=self.unit_a3.id)
            self.assertTrue(defect.is_within_warranty)
            defect.with_user(self.agent).action_hand_to_developer()
        self.assertEqual(defect.state, "handed")
        self.assertEqual(
            defect.with_user(self.agent).partner_id, self.env["res.partner"]
        )

    def test_owner_of_a_handover_told_on_the_handover_record(self):
        """A defect of the joint inspection: the owner reads its steps on
        their handover record (the move-in part's page)."""
        handover = self.env["property.handover"].create(
            {"unit_id": self.unit_a3.id, "partner_id": self.tenant_a.id}
        )
        with freeze_time(T0):
            defect = self._defect(unit_id=self.unit_a3.id)
            defect.sudo().handover_id = handover
            self.assertEqual(defect.partner_id, self.tenant_a)
            defect.with_user(self.agent).action_hand_to_developer()
        told = handover.message_ids.filtered(
            lambda m: "Cracked wall plaster" in (m.body or "")
        )
        self.assertEqual(len(told), 1)
        self.assertIn(self.tenant_a, told.partner_ids)
        self.assertEqual(told.message_type, "comment")

    def test_head_office_step_when_set(self):
        self.project_a.warranty_head_office_days = 10
        with freeze_time(T0):
            defect = self._defect()
            defect.with_user(self.agent).action_hand_to_developer()
        row = self._deadline(defect)
        self.assertEqual(row.head_office_minutes, 10 * 1440)
        self.assertEqual(row.manager_minutes, 3 * 1440)
        self.assertEqual(row.supervisor_minutes, -1)
        self.project_a.warranty_head_office_days = 0
        defect.with_user(self.agent).write({"date_due": TODAY + timedelta(days=20)})
        self.assertEqual(row.head_office_minutes, -1)
        self.assertEqual(row.date_due, datetime(2026, 3, 22) + END_OF_DAY)
        with self.assertRaises(ValidationError):
            self.project_a.warranty_days_major = 0

    def test_defects_of_a_signed_handover_passed_on_without_blocking(self):
        """The handover's signature passes its defects on; one that cannot
        go (personal data in the text) stays recorded with a to-do."""
        with freeze_time(T0):
            good = self._defect()
            bad = self._defect(description="Owner's mobile 13800000001")
            handed = (good | bad).with_user(self.agent)._hand_over_from_inspection()
        self.assertEqual(handed, good)
        self.assertEqual(good.state, "handed")
        self.assertEqual(bad.state, "draft")
        todo = bad.activity_ids
        self.assertEqual(todo.summary, "Pass this defect to the developer")
        self.assertEqual(todo.user_id, self.agent)
        self.assertIn("phone or identity number", todo.note)
