# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import PropertyCsCommon
from .test_property_complaint import PropertyComplaintCommon

# what the owner must not read of their own ticket over RPC: SLA clock,
# escalations, breaches, pauses, reclassifications and the owner context
INTERNAL_TICKET_FIELDS = (
    "sla_policy_id",
    "date_commit_deadline",
    "date_arrival_deadline",
    "date_close_deadline",
    "next_deadline",
    "date_complaint_reply_due",
    "sla_escalation_ids",
    "sla_breach_ids",
    "sla_pause_ids",
    "sla_reclassification_ids",
    "pause_reason",
    "reclassification_reason",
    "paused_minutes",
    "sla_cycle",
    "partner_handling_tip",
    "partner_is_key_customer",
    "partner_key_customer_reasons",
    # the complaint's internal assessment (what the owner said is theirs:
    # remedy sought, reply, answer, alternatives, recourse)
    "complaint_emotion",
    "complaint_demand",
    "complaint_at_fault",
    "complaint_nature",
    "complaint_motive",
    "complaint_severity",
    "complaint_impact",
    "complaint_media_exposure",
    "complaint_government_exposure",
    "complaint_findings",
    "complaint_summary",
)


@tagged("post_install", "-at_install")
class TestComplaintWithdrawal(PropertyComplaintCommon):
    """A complaint is never dismissed as invalid: it ends through its steps,
    or the owner withdraws it, recorded and approved by a supervisor."""

    def test_agent_cannot_cancel_complaint(self):
        """Neither the cancel action nor writing the cancelled stage cancels
        a complaint for an agent (RPC-like calls)."""
        ticket = self._complaint()
        cancelled = self.env.ref("property_cs.property_ticket_stage_cancelled")
        as_agent = ticket.with_user(self.agent)
        with self.assertRaises(UserError):
            as_agent.action_cancel()
        with self.assertRaises(UserError):
            as_agent.write({"stage_id": cancelled.id})
        with self.assertRaises(UserError):
            as_agent.write(
                {
                    "stage_id": cancelled.id,
                    "complaint_withdrawal_words": "I withdraw",
                }
            )
        with self.assertRaises(AccessError):
            as_agent.action_complaint_withdraw("I withdraw my complaint")
        self.assertEqual(ticket.state, "new")

    def test_supervisor_cannot_cancel_without_owner_words(self):
        ticket = self._complaint()
        with self.assertRaises(UserError):
            ticket.with_user(self.users["supervisor"]).action_cancel()
        with self.assertRaises(UserError):
            ticket.with_user(self.users["supervisor"]).action_complaint_withdraw("  ")
        self.assertEqual(ticket.state, "new")

    def test_supervisor_records_owner_withdrawal(self):
        """The supervisor records the owner's own words: the complaint is
        cancelled and the words are in the chatter."""
        ticket = self._complaint()
        words = "The neighbour fixed the noise, I withdraw my complaint."
        wizard = Form(
            self.env["property.complaint.withdraw"]
            .with_user(self.users["supervisor"])
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.owner_words = words
        wizard.save().action_confirm()
        self.assertEqual(ticket.state, "cancelled")
        self.assertEqual(ticket.complaint_withdrawal_words, words)
        self.assertTrue(
            any(words in body for body in ticket.message_ids.mapped("body"))
        )

    def test_agent_cannot_use_withdraw_wizard(self):
        ticket = self._complaint()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["property.complaint.withdraw"].with_user(self.agent).create(
                {"ticket_id": ticket.id, "owner_words": "I withdraw"}
            )

    def test_other_tickets_cancel_as_before(self):
        ticket = self.Ticket.with_user(self.agent).create(
            {"name": "Duplicate entry", "unit_id": self.unit_a1.id}
        )
        ticket.action_cancel()
        self.assertEqual(ticket.state, "cancelled")


@tagged("post_install", "-at_install")
class TestReplyPhraseLanguage(PropertyCsCommon):
    """The standard-language rules follow the language of the reply text,
    not only the owner's language."""

    def test_chinese_text_to_english_owner_is_checked(self):
        self.owner_a.lang = "en_US"
        ticket = self.env["property.ticket"].create(
            {"name": "Tap", "unit_id": self.unit_a1.id, "partner_id": self.owner_a.id}
        )
        form = Form(
            self.env["property.ticket.reply"]
            .with_user(self.agent)
            .with_context(default_ticket_id=ticket.id)
        )
        form.body = "<p>这个我不能修</p>"
        wizard = form.save()
        self.assertIn("我不能", wizard.phrase_ids.mapped("name"))
        self.assertIn(
            "但是",
            self.env["property.reply.phrase"]
            ._find_in("<p>这个可以，但是要等</p>", "en_US")
            .mapped("name"),
        )

    def test_english_text_keeps_owner_language_rules(self):
        Rule = self.env["property.reply.phrase"]
        self.assertEqual(
            Rule._find_in("<p>Sorry, I can't.</p>", "en_US").mapped("name"),
            ["I can't"],
        )
        self.assertFalse(Rule._find_in("<p>我们马上为您安排维修。</p>", "en_US"))


@tagged("post_install", "-at_install")
class TestTicketInternalFields(PropertyCsCommon):
    """The owner reads their ticket in the portal, never its internal
    handling data, not even over RPC."""

    def test_portal_owner_cannot_read_internal_fields(self):
        ticket = self.env["property.ticket"].create(
            {
                "name": "Leaking pipe",
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
            }
        )
        ticket.message_subscribe(partner_ids=self.owner_a.ids)
        as_owner = ticket.with_user(self.portal_owner)
        as_owner.read(["name", "state", "number"])
        for field_name in INTERNAL_TICKET_FIELDS:
            with self.subTest(field=field_name), self.assertRaises(AccessError):
                as_owner.invalidate_recordset()
                as_owner.read([field_name])

    def test_staff_read_internal_fields(self):
        ticket = self.env["property.ticket"].create(
            {"name": "Leaking pipe", "unit_id": self.unit_a1.id}
        )
        for role in ("agent", "supervisor", "head_office"):
            ticket.with_user(self.users[role]).read(list(INTERNAL_TICKET_FIELDS))
