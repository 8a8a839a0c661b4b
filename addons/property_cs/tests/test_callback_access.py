# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP
from .test_property_callback import PropertyCallbackCommon


@tagged("post_install", "-at_install", "security")
class TestCallbackAccess(PropertyCallbackCommon):
    """The callback queue shows only callbacks whose ticket the user may open
    (complaints stay confidential, D-18), and callbacks go only to callers
    who can open them and their ticket (D-24)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_2 = new_test_user(
            cls.env, login="pcs_agent_2", groups=GROUP % "agent", name="Agent 2"
        )
        cls.agent_2.property_project_ids = [Command.link(cls.project_a.id)]

    def _can_open(self, user, callback):
        callback = callback.with_user(user)
        callback.check_access("read")
        callback.read(["name", "partner_phone", "ticket_id"])
        if callback.ticket_id:
            callback.ticket_id.check_access("read")
            callback.ticket_id.read(["name"])

    def _list_as(self, user):
        Callback = self.Callback.with_user(user)
        return Callback.web_search_read(
            [],
            {
                "name": {},
                "partner_phone": {},
                "ticket_id": {"fields": {"display_name": {}}},
                "attempt_count": {},
            },
        )["records"]

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_queue_hides_complaints_of_others(self):
        """Another agent's complaint callback is not in an agent's queue, and
        the queue reads without an access error; the caller sees it."""
        complaint = self._ticket(
            kind="complaint", name="Noisy works", user_id=self.manager.id
        )
        complaint.action_done()
        callback = self._callback(complaint)
        caller = callback.user_id
        other = (self.agent | self.agent_2) - caller
        self.assertEqual(len(other), 1)
        ids = [row["id"] for row in self._list_as(other)]
        self.assertNotIn(callback.id, ids)
        with self.assertRaises(AccessError):
            callback.with_user(other).read(["name"])
        self.assertIn(callback.id, [row["id"] for row in self._list_as(caller)])
        self._can_open(caller, callback)
        # supervisors see every callback of their project
        supervisor_ids = [row["id"] for row in self._list_as(self.supervisor)]
        self.assertIn(callback.id, supervisor_ids)
        # attempts follow their callback
        callback.with_user(caller)._record_unreachable("no_answer")
        Attempt = self.env["property.callback.attempt"]
        self.assertFalse(
            Attempt.with_user(other).search([("callback_id", "=", callback.id)])
        )
        self.assertTrue(
            Attempt.with_user(caller).search([("callback_id", "=", callback.id)])
        )

    def test_repair_callbacks_stay_shared(self):
        """Callbacks of ordinary tickets stay in every project agent's queue."""
        ticket = self._close(self._ticket(user_id=self.agent.id))
        callback = self._callback(ticket)
        for user in self.agent | self.agent_2:
            self.assertIn(callback.id, [row["id"] for row in self._list_as(user)])

    def test_caller_can_open_the_callback_and_its_ticket(self):
        """The chosen caller always can open what they must call about: an
        agent of the project not allowed in the ticket's company is skipped."""
        other_company = self.env["res.company"].create({"name": "Other Co"})
        self.agent_2.write(
            {
                "company_ids": [Command.set(other_company.ids)],
                "company_id": other_company.id,
            }
        )
        for kind in ("repair", "complaint"):
            # the other agent handled it: agent 2 is the only agent left
            ticket = self._ticket(kind=kind, user_id=self.agent.id)
            if kind == "complaint":
                ticket.action_done()  # closes only after its callback
            else:
                self._close(ticket)
            callback = self._callback(ticket)
            self.assertIn(callback.user_id, self.supervisor | self.manager, kind)
            self._can_open(callback.user_id, callback)

    def test_demo_callers_can_open_their_callbacks(self):
        """Every caller of the demo data can open their callback."""
        demo_callbacks = self.Callback.search(
            [("create_uid", "=", self.env.ref("base.user_root").id)]
        ).filtered("user_id")
        for callback in demo_callbacks:
            self._can_open(callback.user_id, callback)
