# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PropertyCsCommon

ID_NUMBER = "110101199003071234"


@tagged("post_install", "-at_install")
class TestPropertyOwnerFile(PropertyCsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # an agent records the number at move-in
        cls.owner_a.with_user(cls.users["agent"]).with_context(
            tracking_disable=False, mail_notrack=False
        ).write({"id_number_input": ID_NUMBER, "id_document_type": "resident_id"})
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    def test_agent_sees_mask_only(self):
        """An agent enters the ID number but reads only its mask."""
        owner = self.owner_a.with_user(self.agent)
        self.assertEqual(owner.id_number_masked, "1101**********1234")
        with self.assertRaises(AccessError):
            owner.read(["id_number"])
        data = owner.read(["id_number_masked", "id_number_input"])[0]
        self.assertNotIn(ID_NUMBER, str(data))
        own_fields = [
            name
            for name, field in self.env["res.partner"]._fields.items()
            if field._module == "property_cs" and field.type not in ("one2many",)
        ]
        visible = set(
            self.env["res.partner"].with_user(self.agent).fields_get(own_fields)
        )
        rows = (
            self.env["res.partner"]
            .with_user(self.agent)
            .search_read([("id", "=", self.owner_a.id)], sorted(visible))
        )
        self.assertNotIn(ID_NUMBER, str(rows))
        self.assertNotIn(
            "id_number", self.env["res.partner"].with_user(self.agent).fields_get()
        )
        # with the export right an administrator may grant, still the mask only
        self.agent.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        exported = owner.export_data(["name", "id_number_masked"])["datas"]
        self.assertNotIn(ID_NUMBER, str(exported))
        with self.assertRaises(AccessError):
            owner.export_data(["id_number"])

    def test_manager_reads_full_number(self):
        """Project managers (identity group) read the full number."""
        owner = self.owner_a.with_user(self.manager)
        self.assertEqual(owner.id_number, ID_NUMBER)

    def test_find_by_exact_number_only(self):
        """Staff find an owner by the exact full number, never a partial one."""
        Partner = self.env["res.partner"].with_user(self.agent)
        self.assertEqual(
            Partner.search([("id_number_input", "=", ID_NUMBER)]), self.owner_a
        )
        self.assertEqual(
            Partner.search([("id_number_input", "ilike", " 1101 0119 9003 071234")]),
            self.owner_a,
            "spaces are ignored",
        )
        self.assertFalse(Partner.search([("id_number_input", "ilike", "1101")]))
        self.assertFalse(Partner.search([("id_number_input", "ilike", "1234")]))
        self.assertFalse(Partner.name_search("1101"))
        self.assertFalse(Partner.name_search(ID_NUMBER))
        with self.assertRaises(AccessError):
            Partner.search([("id_number", "=", ID_NUMBER)])

    def test_tracking_hides_number(self):
        """The change is tracked; only the identity group sees the value."""
        self.owner_a.invalidate_recordset(["message_ids"])
        message = self.owner_a.message_ids.filtered("tracking_value_ids")[:1]
        self.assertTrue(message)
        values = self.env["mail.tracking.value"].search(
            [("mail_message_id", "in", self.owner_a.message_ids.ids)]
        )
        self.assertIn(ID_NUMBER, values.mapped("new_value_char"))
        message = values.filtered(
            lambda v: v.new_value_char == ID_NUMBER
        ).mail_message_id
        agent_sees = message.tracking_value_ids._filter_has_field_access(
            self.env(user=self.agent)
        )
        self.assertNotIn(ID_NUMBER, agent_sees.mapped("new_value_char"))
        self.assertIn("1101**********1234", agent_sees.mapped("new_value_char"))
        manager_sees = message.tracking_value_ids._filter_has_field_access(
            self.env(user=self.manager)
        )
        self.assertIn(ID_NUMBER, manager_sees.mapped("new_value_char"))
        # notification mails carry only trackings free of field groups
        mailed = message.tracking_value_ids._filter_free_field_access()
        self.assertNotIn(ID_NUMBER, mailed.mapped("new_value_char"))

    def test_handling_tip_is_internal(self):
        """Personality type and handling tip are for staff only."""
        self.assertIn("Dominant", self.owner_a.handling_tip)
        self.assertIn("Civil servant", self.owner_a.handling_tip)
        self.assertIn("respected", self.owner_a.with_user(self.agent).handling_tip)
        portal_partner = self.owner_a.with_user(self.portal_owner)
        with self.assertRaises(AccessError):
            portal_partner.read(["handling_tip"])
        with self.assertRaises(AccessError):
            portal_partner.read(["personality_type"])
        with self.assertRaises(AccessError):
            portal_partner.read(["id_number"])
        Partner = self.env["res.partner"].with_user(self.portal_owner)
        for field in ("id_number", "handling_tip", "personality_type"):
            with self.assertRaises(AccessError):
                Partner.search_read([("id", "=", self.owner_a.id)], [field])
        self.assertNotIn("id_number", Partner.fields_get())
        self.assertNotIn("handling_tip", Partner.fields_get())
        self.assertNotIn("id_number_masked", Partner.fields_get())
        with self.assertRaises(AccessError):
            Partner.search([("id_number_input", "=", ID_NUMBER)])
        self.assertFalse(Partner.name_search(ID_NUMBER))

    def test_handling_tip_in_reader_language(self):
        """The tip reads in the reader's language; staff notes are appended."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_cs"], ["zh_CN"])
        owner = self.owner_a.with_context(lang="zh_CN")
        self.assertIn("独断型", owner.handling_tip)
        self.owner_a.handling_note = "Prefers calls after 18:00"
        self.assertIn("Prefers calls after 18:00", self.owner_a.handling_tip)
        self.assertIn("Dominant", self.owner_a.with_context(lang="en_US").handling_tip)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_special_needs_restricted(self):
        """Special needs are readable by special-needs officers only."""
        officer = self.users["special_needs"]
        self.owner_a.with_user(officer).write(
            {"special_needs": "Wheelchair user", "is_life_support": True}
        )
        self.assertTrue(self.owner_a.has_special_needs)
        self.assertTrue(self.owner_a.is_special_needs_consent_missing)
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.agent).read(["special_needs"])
        with self.assertRaises(AccessError):
            self.owner_a.with_user(self.manager).read(["is_life_support"])
        consent = (
            self.env["property.consent"]
            .with_user(officer)
            .create({"partner_id": self.owner_a.id, "scope": "life_support"})
        )
        self.assertTrue(consent.purpose)
        self.assertFalse(self.owner_a.is_special_needs_consent_missing)
        consent.date_withdrawn = "2026-01-01"
        self.assertTrue(self.owner_a.is_special_needs_consent_missing)
        with self.assertRaises(AccessError):
            self.env["property.consent"].with_user(self.agent).search([])
        # the key-customer reason does not disclose health details
        reasons = self.owner_a.with_user(self.agent).key_customer_reasons
        self.assertIn("special-needs ledger", reasons)
        self.assertNotIn("Wheelchair", reasons)

    def test_emergency_contact_report(self):
        """The per-building emergency list shows residents and special needs."""
        officer = self.users["special_needs"]
        self.owner_a.with_user(officer).write(
            {
                "is_life_support": True,
                "emergency_contact_name": "Zhang Min",
                "emergency_contact_phone": "13900000009",
            }
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(officer)
            ._render_qweb_html(
                "property_cs.report_emergency_contacts", self.building_a.ids
            )[0]
            .decode()
        )
        self.assertIn("Zhang Wei", html)
        self.assertIn("13900000009", html)
        self.assertIn("Life-support equipment", html)
        self.assertIn("Wang Fang", html)
        self.assertNotIn("Chen Jie", html, "other buildings are not listed")

    def test_emergency_contact_report_needs_special_needs_officer(self):
        """Health data of the emergency list is refused server-side to every
        other internal role, whatever route renders the report."""
        self.owner_a.write({"is_life_support": True, "special_needs": "Wheelchair"})
        report = self.env["ir.actions.report"]
        for role in ("agent", "department", "finance", "supervisor", "manager"):
            with self.subTest(role=role):
                user = self.users[role]
                # the user can read the building itself
                self.building_a.with_user(user).check_access("read")
                with self.assertRaises(AccessError), mute_logger("odoo.http"):
                    report.with_user(user)._render_qweb_html(
                        "property_cs.report_emergency_contacts", self.building_a.ids
                    )
