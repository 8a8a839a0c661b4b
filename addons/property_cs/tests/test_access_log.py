# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The personal-information access log: what is recorded, who reads it, how
long it is kept."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import INTERNAL_ID_NUMBER, PropertyCsCommon


@tagged("post_install", "-at_install")
class TestAccessLog(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tag_owner_with_internal_data()
        cls.Log = cls.env["property.access.log"]
        cls.officer = new_test_user(
            cls.env,
            login="pcs_privacy",
            groups="property_cs.group_property_cs_privacy",
            name="PCS privacy officer",
        )

    def _entries(self, user, action):
        return self.Log.search([("user_id", "=", user.id), ("action", "=", action)])

    def test_export_is_logged(self):
        """An export of owners' data is logged with what was exported; a
        refused export leaves no entry."""
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.agent).export_data(["name", "mobile"])
        self.assertFalse(self._entries(self.agent, "export"))
        self.agent.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        owners = self.owner_a | self.owner_a_spouse
        owners.with_user(self.agent).export_data(["name", "mobile"])
        entry = self._entries(self.agent, "export")
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.res_model, "res.partner")
        self.assertEqual(entry.record_count, 2)
        self.assertEqual(entry.details, "name, mobile")

    def test_full_identity_number_read_is_logged(self):
        """A form showing the full number to an identity reader is logged; the
        same form without the number (nothing to reveal) is not."""
        spec = {"name": {}, "id_number": {}}
        rows = self.owner_a.with_user(self.manager).web_read(spec)
        self.assertEqual(rows[0]["id_number"], INTERNAL_ID_NUMBER)
        entry = self._entries(self.manager, "id_number_revealed")
        self.assertEqual(entry.res_ids, str(self.owner_a.id))
        self.owner_a_spouse.with_user(self.manager).web_read(spec)
        self.assertEqual(len(self._entries(self.manager, "id_number_revealed")), 1)

    def test_special_needs_ledger_and_record_are_logged(self):
        """Opening the special-needs ledger and a special-needs record is
        logged, for the officer who saw the health data."""
        officer = self.users["special_needs"]
        Link = self.env["property.unit.partner"].with_user(officer)
        Link.web_search_read(
            [("partner_id.has_special_needs", "=", True)],
            {"partner_id": {}, "special_needs": {}},
        )
        ledger = self._entries(officer, "special_needs_ledger")
        self.assertEqual(ledger.res_model, "property.unit.partner")
        self.assertGreaterEqual(ledger.record_count, 1)
        self.owner_a.with_user(officer).web_read({"special_needs": {}})
        self.assertTrue(self._entries(officer, "special_needs_record"))

    def test_emergency_list_print_is_logged(self):
        officer = self.users["special_needs"]
        self.env["ir.actions.report"].with_user(officer)._render_qweb_html(
            "property_cs.report_emergency_contacts", self.building_a.ids
        )
        entry = self._entries(officer, "emergency_list")
        self.assertEqual(entry.res_ids, str(self.building_a.id))

    def test_only_privacy_officers_read_the_log(self):
        """Agents, managers and head office cannot read the log over RPC;
        the officer reads it; nobody edits or deletes an entry."""
        self.Log._log("export", self.owner_a)
        for user in (self.agent, self.manager, self.users["head_office"]):
            with self.assertRaises(AccessError):
                self.Log.with_user(user).search_read([], ["user_id"])
            with self.assertRaises(AccessError):
                self.Log.with_user(user).create(
                    {"user_id": user.id, "action": "export", "company_id": 1}
                )
        entries = self.Log.with_user(self.officer).search([])
        self.assertTrue(entries)
        with self.assertRaises(AccessError):
            entries[0].with_user(self.officer).write({"details": "edited"})
        with self.assertRaises(AccessError):
            entries[0].with_user(self.officer).unlink()
        admin_group = self.env.ref("property_cs.group_property_cs_admin")
        self.assertIn(
            self.env.ref("property_cs.group_property_cs_privacy"),
            admin_group.implied_ids,
        )

    def test_purge_after_retention(self):
        """Entries older than the company's retention period are deleted by
        the daily cron; 0 keeps them."""
        self.Log._log("export", self.owner_a)
        self.Log._log("export", self.owner_b)
        old, recent = self.Log.search([], limit=2, order="id desc")[::-1]
        old.sudo().date = fields.Datetime.now() - timedelta(days=40)
        self.company.property_access_log_days = 0
        self.Log._cron_purge()
        self.assertTrue(old.exists())
        self.company.property_access_log_days = 30
        self.Log._cron_purge()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
