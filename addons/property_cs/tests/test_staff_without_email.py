# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import formataddr

from .common import GROUP, PropertyCsCommon


@tagged("post_install", "-at_install")
class TestStaffWithoutEmail(PropertyCsCommon):
    """Most front-desk and field staff have no email address: they save,
    dispatch, reply and report their work normally; what the system sends
    on their behalf goes out from the project's or the company's address."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.email = "service@example.com"
        cls.engineering = cls.env.ref("property_cs.property_department_engineering")
        cls.technician = new_test_user(
            cls.env, login="pcs_no_mail_technician", groups=GROUP % "department"
        )
        cls.technician.property_project_ids = [Command.link(cls.project_a.id)]
        cls.engineering.member_ids = [Command.link(cls.technician.id)]
        (cls.agent | cls.technician).write({"email": False})

    def _ticket(self, **vals):
        values = {
            "name": "Water leaking",
            "unit_id": self.unit_a1.id,
            "partner_id": self.owner_a.id,
        }
        values.update(vals)
        Ticket = self.env_tracking["property.ticket"].with_user(self.agent)
        return Ticket.create(values)

    def test_staff_without_email_are_notified_in_odoo(self):
        """A technician without email hears of a job assigned to them in
        Odoo's inbox, instead of a dropped email notification."""
        with_email = new_test_user(
            self.env,
            login="pcs_mail_technician",
            email="tech@example.com",
            groups=GROUP % "department",
        )
        with_email.notification_type = "email"
        self.assertEqual(with_email.notification_type, "email")
        # the address is removed: Odoo's notifications go to the inbox
        with_email.email = False
        self.assertEqual(with_email.notification_type, "inbox")
        self.assertEqual(self.technician.notification_type, "inbox")
        ticket = self._ticket()
        ticket.action_assign(self.engineering, self.technician)
        self.flush_tracking()
        notified = self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", self.technician.partner_id.id),
                ("mail_message_id.res_id", "=", ticket.id),
                ("mail_message_id.model", "=", "property.ticket"),
            ]
        )
        self.assertTrue(notified, "the technician is told of the job")
        self.assertEqual(set(notified.mapped("notification_type")), {"inbox"})

    def test_agent_and_technician_without_email_work_normally(self):
        ticket = self._ticket()
        self.flush_tracking()  # the acknowledgement mail to the owner
        ticket.action_assign(self.engineering, self.technician)
        self.flush_tracking()  # the dispatch mail
        reply = ticket._reply_to_owner("<p>We come this afternoon.</p>")
        self.assertEqual(reply.author_id, self.agent.partner_id)
        self.assertEqual(
            reply.email_from, formataddr((self.agent.name, "service@example.com"))
        )
        job = ticket.with_user(self.technician)
        job.action_on_the_way()
        job.action_arrive()
        job.action_done()
        self.flush_tracking()
        self.assertEqual(ticket.state, "done")
        ticket.invalidate_recordset(["message_ids"])
        arrived = ticket.message_ids.filtered(
            lambda m: m.author_id == self.technician.partner_id
        )
        self.assertTrue(arrived)
        self.assertIn("service@example.com", arrived[0].email_from)

    def test_project_alias_is_the_sender_when_configured(self):
        domain = self.env["mail.alias.domain"].create({"name": "pcs.example.com"})
        self.project_a.write({"alias_domain_id": domain.id, "alias_name": "og-service"})
        ticket = self._ticket()
        reply = ticket._reply_to_owner("<p>Noted.</p>")
        self.assertEqual(
            reply.email_from,
            formataddr((self.agent.name, "og-service@pcs.example.com")),
        )

    def test_portal_user_without_email_still_needs_one(self):
        """Only staff get the fallback address."""
        self.portal_owner.partner_id.email = False
        ticket = self._ticket()
        with self.assertRaises(UserError):
            ticket.with_user(self.portal_owner).message_post(body="Hello")

    def test_failed_save_gives_its_number_back(self):
        """A ticket number is used only by a ticket that is saved."""
        first = self._ticket()
        # the project is known (number taken), the unit is missing: refused
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self._ticket(unit_id=False, project_id=self.project_a.id)
        second = self._ticket()
        self.assertEqual(int(second.number[-5:]), int(first.number[-5:]) + 1)

    def test_existing_sequence_keeps_its_numbering(self):
        """A project numbered before becomes gapless without reusing numbers."""
        first = self._ticket()
        sequence = self.project_a.ticket_sequence_id
        sequence.implementation = "standard"
        self.assertEqual(sequence.number_next_actual, int(first.number[-5:]) + 1)
        second = self._ticket()
        self.assertEqual(sequence.implementation, "no_gap")
        self.assertEqual(int(second.number[-5:]), int(first.number[-5:]) + 1)

    def test_new_project_numbered_from_the_start(self):
        """A new project has its gapless numbering before its first ticket,
        so that two first tickets saved at once cannot both create one and
        take the same first number."""
        project = self.env["property.project"].create({"name": "New", "code": "NEW"})
        sequence = project.ticket_sequence_id
        self.assertTrue(sequence)
        self.assertEqual(sequence.implementation, "no_gap")
        self.assertEqual(sequence.prefix, "NEW-%(year)s-")
        # its code changed before the first ticket: the numbering follows
        project.code = "NW"
        self.assertEqual(sequence.prefix, "NW-%(year)s-")
        ticket = self.env["property.ticket"].create(
            {"name": "First", "project_id": project.id, "location_type": "common"}
        )
        self.assertTrue(ticket.number.startswith("NW-"), ticket.number)
        # once a number is given, the numbering keeps its prefix
        project.code = "NX"
        self.assertEqual(sequence.prefix, "NW-%(year)s-")
