# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import GROUP
from .test_property_callback import PropertyCallbackCommon


@tagged("post_install", "-at_install")
class TestCallbackIntegrity(PropertyCallbackCommon):
    """Workflow fields of a callback change only through its actions, and
    nobody who handled the ticket calls it back: not by reassignment, not
    by recording the answer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler = cls.users["department"]
        cls.other_agent = new_test_user(
            cls.env, login="pcs_agent_2", groups=GROUP % "agent", name="PCS agent 2"
        )
        cls.other_agent.property_project_ids = [(4, cls.project_a.id)]

    def _handled_callback(self):
        """A repair taken by the agent, handled by the department user, and
        called back by the other agent."""
        ticket = self.Ticket.with_user(self.agent).create(
            {
                "name": "Leaking pipe",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "kind": "repair",
            }
        )
        ticket.user_id = self.handler
        self._close(ticket)
        callback = self._callback(ticket)
        self.assertNotIn(callback.user_id, self.agent | self.handler)
        callback.user_id = self.other_agent
        return callback

    # ------------------------------------------------------------------
    # workflow fields over RPC
    # ------------------------------------------------------------------
    def test_agent_cannot_write_workflow_fields(self):
        """An agent cannot take a callback, finish it or record an answer
        by writing the fields."""
        callback = self._handled_callback().with_user(self.agent)
        for vals in (
            {"user_id": self.agent.id},
            {"state": "cancelled"},
            {"state": "done", "result": "satisfied"},
            {"result": "satisfied"},
            {"date_done": "2026-03-02 08:00:00"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                callback.write(vals)
        self.assertEqual(callback.state, "pending")
        self.assertEqual(callback.user_id, self.other_agent)
        self.assertFalse(callback.result)

    def test_supervisor_cannot_write_state(self):
        """Supervisors cancel with the button, not by writing the state."""
        callback = self._handled_callback().with_user(self.supervisor)
        with self.assertRaises(UserError):
            callback.write({"state": "cancelled"})
        callback.action_cancel()
        self.assertEqual(callback.state, "cancelled")
        callback.action_reset()
        self.assertEqual(callback.state, "pending")

    def test_form_keeps_workflow_fields_readonly(self):
        """The callback form shows the caller and the state read-only."""
        callback = self._handled_callback().with_user(self.other_agent)
        with Form(callback) as form:
            for name in ("user_id", "state", "result"):
                self.assertTrue(form._get_modifier(name, "readonly"), name)
            form.date_due = "2026-12-31 08:00:00"
        self.assertEqual(callback.state, "pending")

    # ------------------------------------------------------------------
    # independence of the caller
    # ------------------------------------------------------------------
    def test_intake_agent_cannot_take_callback(self):
        """The agent who took the request cannot reassign its callback to
        themself; an agent who did not handle it can."""
        callback = self._handled_callback()
        for user in (self.agent, self.agent.id):  # a record, or an id over RPC
            with self.assertRaises(UserError):
                callback.with_user(self.agent).action_reassign(user)
        self.assertEqual(callback.user_id, self.other_agent)
        callback.with_user(self.supervisor).action_reassign(self.head_office)
        callback.with_user(self.other_agent).action_reassign(self.other_agent)
        self.assertEqual(callback.user_id, self.other_agent)

    def test_supervisor_cannot_hand_to_handler(self):
        """A supervisor cannot give the callback to who handled the ticket,
        nor can an agent hand it to someone else."""
        callback = self._handled_callback()
        for user in (self.handler, self.agent):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                callback.with_user(self.supervisor).action_reassign(user)
        with self.assertRaises(UserError):
            callback.with_user(self.other_agent).action_reassign(self.head_office)
        wizard = Form(
            self.env["property.callback.reassign"]
            .with_user(self.supervisor)
            .with_context(default_callback_id=callback.id)
        )
        wizard.user_id = self.head_office
        wizard.save().action_confirm()
        self.assertEqual(callback.user_id, self.head_office)

    def test_handler_cannot_record_result(self):
        """Who handled the ticket cannot record the owner's answer, even on
        a callback assigned to someone else."""
        callback = self._handled_callback()
        for user in (self.agent, self.handler):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    callback.with_user(user)._record_result("satisfied")
                with self.assertRaises(UserError):
                    callback.with_user(user)._record_unreachable("busy")
        self.assertEqual((callback.state, callback.attempt_count), ("pending", 0))
        callback.with_user(self.other_agent)._record_result("satisfied")
        self.assertEqual(callback.state, "done")
