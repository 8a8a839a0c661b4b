# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_handover import HandoverCommon
from .test_renovation_application import SIGNATURE


@tagged("post_install", "-at_install")
class TestHandoverPortal(HandoverCommon, HttpCase):
    """The owner's handover record in the portal: only the owner receiving
    the unit opens, prints and signs it; the page carries no token."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handover = cls.env["property.handover"].create(
            {"unit_id": cls.unit_a3.id, "partner_id": cls.buyer.id}
        )
        cls.handover.action_start()

    def _assert_redirected(self, url):
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 303, url)
        self.assertTrue(response.headers["Location"].endswith("/my"), url)

    def test_owner_isolation_over_http(self):
        """The buyer opens and prints their record; another owner is sent
        back, with or without a token, and cannot sign it."""
        url = f"/my/movein/{self.handover.id}/record"
        self.assertEqual(self.handover.access_url, url)
        self.assertNotIn("access_token", self.handover.get_portal_url())
        self.authenticate("pcs_buyer", "pcs_buyer")
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'data-handover-id="{self.handover.id}"', page.text)
        self.assertIn("o_property_cs_handover_not_ready", page.text)
        self.assertNotIn("o_property_cs_handover_sign", page.text)
        printed = self.url_open(f"{url}/print")
        self.assertEqual(printed.status_code, 200)
        self.assertIn(self.handover.name, printed.text)

        # the owner writes to the staff on the page
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "property.handover",
                "thread_id": self.handover.id,
                "post_data": {"body": "Can you come at 10?", "message_type": "comment"},
            },
        )
        self.assertIn("Can you come at 10?", self.handover.message_ids[0].body)

        self.authenticate("pcs_owner_b", "pcs_owner_b")
        with mute_logger("odoo.http"):
            refused = self.url_open(
                "/mail/message/post",
                data=json.dumps(
                    {
                        "params": {
                            "thread_model": "property.handover",
                            "thread_id": self.handover.id,
                            "post_data": {"body": "Hello", "message_type": "comment"},
                        }
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
        self.assertIn("error", refused.json())
        self.assertNotIn("Hello", self.handover.message_ids[0].body)
        self._assert_redirected(url)
        self._assert_redirected(f"{url}/print")
        token = self.handover.sudo()._portal_ensure_token()
        self._assert_redirected(f"{url}?access_token={token}")
        result = self.make_jsonrpc_request(
            f"/my/movein/{self.handover.id}/sign",
            {"name": "Chen Jie", "signature": SIGNATURE.decode()},
        )
        self.assertIn("cannot be found", result["error"])
        self.assertEqual(self.handover.state, "in_progress")

    def test_sign_over_http(self):
        """The owner signs once the record is complete: the handover is
        done, signed in the portal from the owner's address."""
        self.authenticate("pcs_buyer", "pcs_buyer")
        sign_url = f"/my/movein/{self.handover.id}/sign"
        result = self.make_jsonrpc_request(
            sign_url, {"name": "Zhou Min", "signature": SIGNATURE.decode()}
        )
        self.assertIn("cannot be signed yet", result["error"])
        self.handover.document_ids.write({"is_presented": True})
        self.handover.write(
            {
                "key_ids": [Command.create({"key_type": "door", "quantity": 2})],
                "meter_reading_ids": [
                    Command.create(
                        {"meter_type": "gas", "meter_number": "G-1", "reading": 0}
                    )
                ],
            }
        )
        page = self.url_open(f"/my/movein/{self.handover.id}/record")
        self.assertIn("o_property_cs_handover_sign", page.text)
        result = self.make_jsonrpc_request(
            sign_url, {"name": "Zhou Min", "signature": "not an image"}
        )
        self.assertTrue(result.get("error"), result)
        result = self.make_jsonrpc_request(
            sign_url, {"name": "Zhou Min", "signature": SIGNATURE.decode()}
        )
        self.assertTrue(result.get("force_refresh"), result)
        self.env.invalidate_all()
        self.assertEqual(self.handover.state, "done")
        self.assertEqual(self.handover.sign_channel, "portal")
        self.assertEqual(self.handover.signed_ip, "127.0.0.1")
        self.assertTrue(self.unit_a3.date_handover)
        page = self.url_open(f"/my/movein/{self.handover.id}/record")
        self.assertIn("o_property_cs_handover_signed", page.text)
        self.assertNotIn('o_property_cs_handover_sign"', page.text)


@tagged("post_install", "-at_install")
class TestHandoverTour(HttpCase):
    """The shipped demo owner (owner1, portal, Chinese) opens the handover
    record of 4-304, checks it and signs it with the portal signature
    form."""

    def test_owner_signs_handover(self):
        handover = self.env.ref("property_cs.property_handover_ghy_4_304_demo")
        owner = self.env.ref("property_cs.demo_user_owner1")
        self.assertEqual(handover.state, "in_progress")
        self.start_tour(
            handover.access_url,
            "property_cs_handover_sign_tour",
            login="owner1",
            timeout=180,
        )
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.sign_channel, "portal")
        self.assertEqual(handover.signed_by, owner.partner_id.name)
        self.assertTrue(handover.unit_id.date_handover)
        self.assertIn(owner.partner_id, handover.unit_id.owner_ids)

    def test_agent_records_inspection(self):
        """The shipped demo agent (Chinese, no email) records a defect and a
        meter reading on the handover form."""
        self.env["res.lang"]._activate_lang("zh_CN")
        handover = self.env.ref("property_cs.property_handover_ghy_3_103_demo")
        self.start_tour(
            "/odoo/action-property_cs.property_handover_action",
            "property_cs_handover_staff_tour",
            login="agent",
            timeout=180,
        )
        defect = handover.defect_ids
        self.assertEqual(defect.item, "推拉门")
        self.assertEqual(defect.unit_id, handover.unit_id)
        self.assertEqual(defect.create_uid, self.env.ref("property_cs.demo_user_agent"))
        reading = handover.meter_reading_ids.filtered(
            lambda r: r.meter_number == "SB-3103-0001"
        )
        self.assertEqual(reading.reading, 1.8)
        self.assertEqual(reading.unit_id, handover.unit_id)
