# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import GROUP, PropertyCsCommon
from .test_renovation_application import SIGNATURE


class HandoverCommon(PropertyCsCommon):
    """Unit 103 of project A is not handed over yet; its buyer is a new
    contact with a portal account. The developer of project A receives the
    defects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = cls.env["res.partner"].create(
            {
                "name": "Zhou Min",
                "email": "zhou.min@example.com",
                "mobile": "13900000003",
                "lang": "en_US",
            }
        )
        cls.portal_buyer = new_test_user(
            cls.env,
            login="pcs_buyer",
            groups="base.group_portal",
            partner_id=cls.buyer.id,
            name=cls.buyer.name,
        )
        cls.developer = cls.env["res.partner"].create(
            {"name": "Osmanthus Real Estate", "is_company": True}
        )
        cls.project_a.developer_partner_id = cls.developer
        cls.document_types = cls.env["property.handover.document.type"].search([])
        cls.Handover = cls.env["property.handover"]

    def _new_handover(self, unit=None, partner=None, user=None):
        Handover = self.Handover.with_user(user or self.agent)
        return Handover.create(
            {
                "unit_id": (unit or self.unit_a3).id,
                "partner_id": (partner or self.buyer).id,
            }
        )

    def _ready(self, handover, user=None):
        """Start the day, tick every document, hand a key over, read a
        meter and record a defect: ready to sign."""
        handover = handover.with_user(user or self.agent)
        handover.action_start()
        handover.document_ids.write({"is_presented": True})
        handover.write(
            {
                "key_ids": [
                    Command.create({"key_type": "door", "quantity": 3}),
                    Command.create(
                        {"key_type": "access_card", "number": "AC-103", "quantity": 2}
                    ),
                ],
                "meter_reading_ids": [
                    Command.create(
                        {
                            "meter_type": "water",
                            "meter_number": "W-103",
                            "reading": 1.5,
                        }
                    )
                ],
                "defect_ids": [
                    Command.create(
                        {
                            "unit_id": handover.unit_id.id,
                            "room": "Kitchen",
                            "item": "Floor tiles",
                            "severity": "minor",
                            "description": "Two hollow tiles",
                        }
                    )
                ],
            }
        )
        return handover

    def _sign_at_desk(self, handover, user=None):
        wizard = (
            self.env["property.handover.sign"]
            .with_user(user or self.agent)
            .with_context(default_handover_id=handover.id)
            .create({"signature": SIGNATURE})
        )
        wizard.action_confirm()
        return wizard


@tagged("post_install", "-at_install")
class TestHandover(HandoverCommon):
    """The handover day (D-19): start, checklist, inspection, keys, meters,
    the owner's signature; signing sets the unit's handover date, opens the
    owner file and passes the defects to the developer."""

    def test_flow_sets_handover_date(self):
        """Signed at 01:30 in Hangzhou (17:30 UTC the day before): the
        handover date, the unit's handover date and the owner's link start
        on the local day."""
        handover = self._new_handover()
        self.assertTrue(handover.name.startswith("JF"))
        self.assertEqual(handover.state, "draft")
        with freeze_time("2026-03-10 17:30:00"):
            self._ready(handover)
            self.assertEqual(handover.state, "in_progress")
            self.assertFalse(handover.sign_blockers)
            self.assertEqual(handover.user_id, self.agent)
            # the owner is told where to follow and sign the record
            told = handover.message_ids.filtered(lambda m: self.buyer in m.partner_ids)
            self.assertEqual(len(told), 1)
            self.assertIn(handover.access_url, told.body)
            self.assertIn(self.buyer, handover.message_partner_ids)
            wizard = self._sign_at_desk(handover)
            self.assertEqual(wizard.signed_by, "Zhou Min")
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.date_handover, date(2026, 3, 11))
        self.assertEqual(self.unit_a3.date_handover, date(2026, 3, 11))
        self.assertEqual(handover.sign_channel, "desk")
        self.assertEqual(handover.signed_by, "Zhou Min")
        self.assertTrue(handover.is_signed)
        link = self.unit_a3.partner_link_ids
        self.assertEqual(len(link), 1)
        self.assertEqual(link.partner_id, self.buyer)
        self.assertEqual(link.role, "owner")
        self.assertEqual(link.date_start, date(2026, 3, 11))
        self.assertEqual(link.share, 100.0)
        self.assertIn(self.buyer, self.unit_a3.owner_ids)
        # billing: the developer pays until the day before, the owner from
        # the handover date
        run = self.env["property.billing.run"].new(
            {"project_id": self.project_a.id, "period_start": "2026-03-01"}
        )
        ctx = run._billing_context(self.unit_a3)
        self.assertEqual(
            run._payer_on(self.unit_a3, date(2026, 3, 10), ctx), self.developer
        )
        self.assertEqual(
            run._payer_on(self.unit_a3, date(2026, 3, 11), ctx), self.buyer
        )
        # the defect goes to the project's developer
        self.assertEqual(handover.defect_ids.developer_partner_id, self.developer)
        # the signed record is what the owner signed
        with self.assertRaises(UserError):
            handover.key_ids[0].with_user(self.agent).quantity = 1
        with self.assertRaises(UserError):
            handover.with_user(self.agent).write(
                {
                    "meter_reading_ids": [
                        Command.create({"meter_number": "X", "reading": 1})
                    ]
                }
            )
        with self.assertRaises(UserError):
            handover.with_user(self.agent).action_cancel_handover()

    def test_checklist_from_project_setting(self):
        """The checklist is the project's documents, else every active one;
        the required ones block the signature until presented."""
        handover = self._new_handover()
        handover.action_start()
        self.assertEqual(handover.document_ids.type_id, self.document_types)
        handover.action_cancel_handover()
        contract = self.env.ref("property_cs.handover_document_type_purchase_contract")
        receipt = self.env.ref("property_cs.handover_document_type_fee_receipt")
        self.project_a.handover_document_type_ids = contract | receipt
        other = self._new_handover(unit=self.unit_a2, partner=self.buyer)
        other.with_user(self.agent).action_start()
        self.assertEqual(other.document_ids.type_id, contract | receipt)
        self.assertIn("Purchase Contract", other.sign_blockers)
        self.assertNotIn("Receipt of Fees Settled", other.sign_blockers)
        other.document_ids.filtered(lambda d: d.type_id == contract).is_presented = True
        self.assertNotIn("Documents not presented", other.sign_blockers)

    def test_signature_required(self):
        """No name or no signature, no handover; nothing is signed before
        the day starts nor while something is missing."""
        handover = self._new_handover()
        with self.assertRaisesRegex(UserError, "not possible now"):
            handover.sudo()._sign("Zhou Min", SIGNATURE, False, "desk")
        handover.with_user(self.agent).action_start()
        with self.assertRaisesRegex(UserError, "cannot be signed yet") as caught:
            handover.sudo()._sign("Zhou Min", SIGNATURE, False, "desk")
        message = str(caught.exception)
        self.assertIn("Documents not presented", message)
        self.assertIn("keys", message)
        self.assertIn("meter readings", message)
        with self.assertRaises(UserError):
            handover.with_user(self.agent).action_open_sign()
        handover.with_user(self.agent).action_cancel_handover()
        handover.with_user(self.agent).action_reset_draft()
        self._ready(handover)
        with self.assertRaisesRegex(UserError, "name and signature"):
            handover.sudo()._sign("Zhou Min", False, False, "desk")
        with self.assertRaisesRegex(UserError, "name and signature"):
            handover.sudo()._sign("  ", SIGNATURE, False, "desk")
        self.assertEqual(handover.state, "in_progress")
        self.assertFalse(self.unit_a3.date_handover)
        self.assertFalse(self.unit_a3.partner_link_ids)

    def test_missing_phone_completed_on_the_day(self):
        """An owner without a phone number signs once it is entered on the
        handover form (it completes the owner file)."""
        self.buyer.write({"mobile": False, "email": False})
        handover = self._ready(self._new_handover())
        self.assertIn("phone number", handover.missing_contact)
        self.assertIn("email address", handover.missing_contact)
        self.assertIn("owner's phone number", handover.sign_blockers)
        handover.with_user(self.agent).partner_mobile = "13900000009"
        self.assertEqual(self.buyer.mobile, "13900000009")
        self.assertFalse(handover.sign_blockers)
        self._sign_at_desk(handover)
        self.assertEqual(handover.state, "done")

    def test_existing_owner_link_kept(self):
        """An owner already in the owner file keeps their link; a link that
        would start after the handover starts on the handover date."""
        handover = self._new_handover(unit=self.unit_a1, partner=self.owner_a)
        links_before = self.unit_a1.partner_link_ids
        with freeze_time("2026-04-02 03:00:00"):
            self._ready(handover)
            self._sign_at_desk(handover)
        self.assertEqual(self.unit_a1.partner_link_ids, links_before)
        self.assertEqual(self.unit_a1.date_handover, date(2026, 4, 2))
        # a buyer registered with a later start date
        future = self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_a3.id,
                "partner_id": self.buyer.id,
                "role": "owner",
                "date_start": "2026-06-01",
            }
        )
        other = self._new_handover()
        with freeze_time("2026-05-20 03:00:00"):
            self._ready(other)
            self._sign_at_desk(other)
        self.assertEqual(self.unit_a3.partner_link_ids, future)
        self.assertEqual(future.date_start, date(2026, 5, 20))

    def test_defects_handed_to_developer(self):
        """Signing passes the inspection's defects to the developer; a
        defect that cannot be passed leaves the handover done with a to-do
        on the defect for its follower (else the project manager)."""
        Defect = type(self.env["property.warranty.defect"])
        calls = []

        def hand(defects):
            calls.append(defects)

        with patch.object(Defect, "action_hand_to_developer", hand, create=True):
            handover = self._ready(self._new_handover())
            self._sign_at_desk(handover)
        self.assertEqual(
            self.env["property.warranty.defect"].union(*calls), handover.defect_ids
        )

        def refuse(defects):
            raise UserError(defects.env._("Choose the warranty category first."))

        other = self._new_handover(unit=self.unit_a2)
        with patch.object(Defect, "action_hand_to_developer", refuse, create=True):
            self._ready(other)
            self._sign_at_desk(other)
        self.assertEqual(other.state, "done")
        self.assertEqual(other.defect_ids.state, "draft")
        activity = other.defect_ids.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertIn("warranty category", activity.note)

    def test_one_handover_per_unit(self):
        """A unit is handed over once: one handover under way or done per
        unit (other notices may wait), none after the unit's handover
        date."""
        handover = self._new_handover()
        handover.action_start()
        second_buyer = self.env["res.partner"].create(
            {"name": "Sun Li", "mobile": "13900000004"}
        )
        other = self._new_handover(partner=second_buyer)
        with self.assertRaises(ValidationError):
            other.with_user(self.agent).action_start()
        handover.action_cancel_handover()
        other.with_user(self.agent).action_start()
        self.assertEqual(other.state, "in_progress")
        handover.action_reset_draft()
        with self.assertRaises(ValidationError):
            handover.action_start()
        other.action_cancel_handover()
        self.unit_a3.date_handover = "2025-01-01"
        with self.assertRaisesRegex(UserError, "already handed over"):
            handover.with_user(self.agent).action_start()
        # no owner, no start
        handover.sudo().partner_id = False
        with self.assertRaisesRegex(UserError, "Name the owner"):
            handover.with_user(self.agent).action_start()

    def test_workflow_fields_guarded(self):
        """The state, the handover date and the signature change through
        the actions only, also over RPC."""
        handover = self._new_handover()
        for vals in (
            {"state": "done"},
            {"date_handover": "2026-01-01"},
            {"signature": SIGNATURE},
            {"signed_by": "Someone"},
        ):
            with self.assertRaises(UserError):
                handover.with_user(self.agent).write(vals)
        with self.assertRaises(UserError):
            self.Handover.with_user(self.agent).create(
                {"unit_id": self.unit_a2.id, "state": "done"}
            )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_staff_groups(self):
        """Agents and departments of the project run the handover; finance
        and head office read it; staff of another project and surveyors see
        nothing; the owner reads only their own record."""
        handover = self._new_handover()
        department = self.users["department"]
        # the engineering department starts the day and reads the meters
        handover.with_user(department).action_start()
        handover.with_user(department).write(
            {
                "meter_reading_ids": [
                    Command.create(
                        {"meter_type": "power", "meter_number": "P-1", "reading": 2}
                    )
                ]
            }
        )
        for role in ("finance", "head_office"):
            user = self.users[role]
            self.assertEqual(handover.with_user(user).state, "in_progress")
            with self.assertRaises(AccessError):
                handover.with_user(user).write({"inspection_note": "x"})
            with self.assertRaises(AccessError):
                handover.with_user(user).action_start()
        with self.assertRaises(AccessError):
            handover.with_user(self.users["surveyor"]).read(["name"])
        other_agent = new_test_user(
            self.env, login="pcs_agent_b", groups=GROUP % "agent", name="Agent B"
        )
        other_agent.property_project_ids = [Command.link(self.project_b.id)]
        with self.assertRaises(AccessError):
            handover.with_user(other_agent).read(["name"])
        self.assertFalse(
            self.env["property.meter.reading"]
            .with_user(other_agent)
            .search([("handover_id", "=", handover.id)])
        )
        # the owner reads their own record and its lines, never writes
        self.assertEqual(
            self.Handover.with_user(self.portal_buyer).search([]), handover
        )
        self.assertEqual(
            handover.with_user(self.portal_buyer).meter_reading_ids.meter_number, "P-1"
        )
        with self.assertRaises(AccessError):
            handover.with_user(self.portal_buyer).write({"inspection_note": "x"})
        with self.assertRaises(AccessError):
            handover.with_user(self.portal_buyer).action_start()
        self.assertFalse(self.Handover.with_user(self.portal_owner_b).search([]))
        with self.assertRaises(AccessError):
            handover.with_user(self.portal_owner_b).read(["name"])
        # a portal owner cannot sign through the tablet wizard
        with self.assertRaises(AccessError):
            self.env["property.handover.sign"].with_user(self.portal_buyer).create(
                {"handover_id": handover.id, "signature": SIGNATURE, "signed_by": "x"}
            )

    def test_printed_record(self):
        """The handover record prints with the unit, the checklist, the
        defects, the keys, the meters and the signature, in the owner's
        language."""
        handover = self._ready(self._new_handover())
        self._sign_at_desk(handover)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "property_cs.property_handover_report_record", handover.ids
            )[0]
            .decode()
        )
        for text in (
            "Handover Record",
            "103",
            "Zhou Min",
            "Floor tiles",
            "AC-103",
            "W-103",
        ):
            self.assertIn(text, html)
        self.assertIn("o_handover_signature", html)
        self.buyer.lang = "zh_CN"
        self.assertEqual(handover._report_lang(), "zh_CN")

    def test_defect_photos(self):
        """Photos uploaded for a defect belong to it (who reads the defect
        reads them, the owner through a tokenised link); a file of another
        record linked by mistake stays that record's."""
        handover = self._ready(self._new_handover())
        Attachment = self.env["ir.attachment"].with_user(self.agent)
        upload = Attachment.create(
            {
                "name": "crack.png",
                "raw": base64.b64decode(SIGNATURE),
                "res_model": "property.warranty.defect",
                "res_id": 0,
            }
        )
        foreign = self.env["ir.attachment"].create(
            {
                "name": "contract.pdf",
                "raw": b"%PDF-1.4 contract",
                "res_model": "res.partner",
                "res_id": self.owner_a.id,
            }
        )
        defect = handover.defect_ids
        defect.with_user(self.agent).attachment_ids = [
            Command.link(upload.id),
            Command.link(foreign.id),
        ]
        self.assertEqual((upload.res_model, upload.res_id), (defect._name, defect.id))
        self.assertEqual(
            (foreign.res_model, foreign.res_id), ("res.partner", self.owner_a.id)
        )
        self.assertIn(
            "crack.png", defect.with_user(self.agent).attachment_ids.mapped("name")
        )
        urls = handover.with_user(self.portal_buyer)._portal_values(self.buyer)[
            "photo_urls"
        ][defect.id]
        self.assertEqual(len(urls), 1)
        self.assertIn(f"/web/image/{upload.id}?access_token=", urls[0])

    def test_lines_checked(self):
        """Meter readings are positive and of the handover's unit; keys
        come at least one at a time; the tablet shows what is signed for."""
        handover = self._ready(self._new_handover())
        Reading = self.env["property.meter.reading"].with_user(self.agent)
        with self.assertRaises(ValidationError):
            Reading.create(
                {"handover_id": handover.id, "meter_number": "W-2", "reading": -1}
            )
        with self.assertRaises(ValidationError):
            Reading.create(
                {
                    "handover_id": handover.id,
                    "unit_id": self.unit_a1.id,
                    "meter_number": "W-3",
                    "reading": 1,
                }
            )
        # a reading outside any handover (e.g. the evidence of a vacancy)
        reading = Reading.create(
            {"unit_id": self.unit_a1.id, "meter_number": "W-4", "reading": 7}
        )
        self.assertEqual(reading.project_id, self.project_a)
        with self.assertRaises(ValidationError):
            handover.key_ids[0].with_user(self.agent).quantity = 0
        wizard = (
            self.env["property.handover.sign"]
            .with_user(self.agent)
            .new({"handover_id": handover.id})
        )
        self.assertEqual(wizard.document_count, len(self.document_types))
        self.assertEqual(wizard.defect_count, 1)
        self.assertEqual(wizard.key_count, 5)
        self.assertEqual(wizard.meter_count, 1)
