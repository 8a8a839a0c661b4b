# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PropertyCsCommon

ID_NUMBER = "110101199003071234"
IDENTITY_GROUP = "property_cs.group_property_cs_identity"
# what the owner file holds beyond a plain contact
OWNER_FILE_FIELDS = [
    "id_number_masked",
    "date_birth",
    "emergency_contact_name",
    "emergency_contact_phone",
    "personality_type",
    "owner_group",
    "handling_tip",
    "handling_note",
    "is_prejudiced",
    "is_key_customer",
    "key_customer_reasons",
    "has_special_needs",
]


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
        self.assertEqual(owner.id_number_masked, "1***************34")
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
        """Identity readers find an owner by the exact full number, never a
        partial one; other staff cannot search by number at all."""
        Partner = self.env["res.partner"].with_user(self.manager)
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
        Agent = self.env["res.partner"].with_user(self.agent)
        with self.assertRaises(AccessError):
            Agent.search([("id", "=", self.owner_a.id), ("id_number", "=", ID_NUMBER)])
        with self.assertRaises(AccessError):
            Agent.search([("id_number_input", "=", ID_NUMBER)])
        with self.assertRaises(AccessError):
            Agent.search_count([("id_number_hash", "!=", False)])
        self.assertFalse(Agent.name_search(ID_NUMBER))

    def test_mask_not_searchable(self):
        """The mask is for reading: searching it, e.g. by the last digits,
        finds nobody, and it shows no birth date."""
        mask = self.owner_a.id_number_masked
        self.assertNotIn("19900307", mask)
        self.assertNotIn("1101", mask)
        for user in (self.agent, self.manager):
            Partner = self.env["res.partner"].with_user(user)
            for operator, value in (
                ("ilike", "34"),
                ("ilike", "1234"),
                ("=", mask),
                ("=like", "1%34"),
                ("!=", False),
            ):
                self.assertFalse(
                    Partner.search([("id_number_masked", operator, value)]),
                    f"{user.login}: {operator} {value}",
                )

    def test_identity_lookups_logged_and_limited(self):
        """Every exact search is logged for the personal-information officer;
        beyond the company's limit per user and hour the search is refused."""
        Log = self.env["property.access.log"]
        self.company.property_identity_lookup_limit = 3
        Partner = self.env["res.partner"].with_user(self.manager)
        Partner.search([("id_number_input", "=", ID_NUMBER)])
        Partner.search([("id_number_input", "=", "110101199003071235")])
        logs = Log.search(
            [("user_id", "=", self.manager.id), ("action", "=", "id_number_lookup")]
        )
        self.assertEqual(len(logs), 2)
        self.assertEqual(
            sorted(logs.mapped("res_ids")), sorted(["", str(self.owner_a.id)])
        )
        self.assertEqual(sorted(logs.mapped("record_count")), [0, 1])
        self.assertNotIn(ID_NUMBER, str(logs.read()))
        Partner.search([("id_number_input", "=", "110101199003071236")])
        with self.assertRaises(UserError):
            Partner.search([("id_number_input", "=", "110101199003071237")])
        # another user has their own allowance
        other = self.users["head_office"]
        other.groups_id = [Command.link(self.env.ref(IDENTITY_GROUP).id)]
        self.assertEqual(
            self.env["res.partner"]
            .with_user(other)
            .search([("id_number_input", "=", ID_NUMBER)]),
            self.owner_a,
        )
        # the log is for the personal-information officer only
        for user in (self.agent, self.manager, self.users["head_office"]):
            with self.assertRaises(AccessError):
                Log.with_user(user).search([])
        admin = self.env.ref("base.user_admin")
        self.assertEqual(
            Log.with_user(admin).search_count(
                [
                    ("user_id", "=", self.manager.id),
                    ("action", "=", "id_number_lookup"),
                ]
            ),
            3,
        )

    def test_tracking_hides_number(self):
        """The change is tracked by the masked number only: no tracking
        value holds the clear number, for any reader."""
        self.owner_a.with_user(self.manager).with_context(
            tracking_disable=False, mail_notrack=False
        ).write({"id_number": "110101198001011238"})
        self.flush_tracking()
        self.owner_a.invalidate_recordset(["message_ids"])
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search([("mail_message_id", "in", self.owner_a.message_ids.ids)])
        )
        self.assertTrue(values)
        texts = str(values.read())
        self.assertNotIn(ID_NUMBER, texts)
        self.assertNotIn("110101198001011238", texts)
        self.assertIn("1***************34", values.mapped("new_value_char"))
        self.assertIn("1***************38", values.mapped("new_value_char"))
        agent_sees = values._filter_has_field_access(self.env(user=self.agent))
        self.assertIn("1***************34", agent_sees.mapped("new_value_char"))

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
        self.env.ref("property_cs.handling_tip_dominant").update_field_translations(
            "tip", {"zh_CN": "独断型：谨慎并做好充分准备，让对方感到受尊重。"}
        )
        owner = self.owner_a.with_context(lang="zh_CN")
        self.assertIn("独断型", owner.handling_tip)
        self.owner_a.handling_note = "Prefers calls after 18:00"
        self.assertIn("Prefers calls after 18:00", self.owner_a.handling_tip)
        self.assertIn("Dominant", self.owner_a.with_context(lang="en_US").handling_tip)

    def test_handling_tips_are_data(self):
        """The tips are records an administrator edits, archives and adds;
        the owner file shows them at once."""
        tip = self.env.ref("property_cs.handling_tip_group_civil_servant")
        admin = self.env.ref("base.user_admin")
        tip.with_user(admin).tip = "Civil servant: quote the regulation."
        self.assertIn("quote the regulation", self.owner_a.handling_tip)
        self.env.ref("property_cs.handling_tip_dominant").with_user(
            admin
        ).active = False
        self.assertNotIn("respected", self.owner_a.handling_tip)
        self.env["property.handling.tip"].with_user(admin).create(
            {
                "profile": "personality",
                "personality_type": "dominant",
                "tip": "Dominant: let them lead the conversation.",
            }
        )
        self.assertIn("lead the conversation", self.owner_a.handling_tip)
        with self.assertRaises(AccessError):
            tip.with_user(self.agent).write({"tip": "x"})
        with self.assertRaises(AccessError):
            self.env["property.handling.tip"].with_user(self.manager).create(
                {"profile": "owner_group", "owner_group": "media", "tip": "x"}
            )

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


@tagged("post_install", "-at_install")
class TestPropertyOwnerFileAccess(PropertyCsCommon):
    """The owner file is for the property staff: other internal users
    (sales, events) and owners over RPC do not read it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._tag_owner_with_internal_data()
        cls.owner_a.write(
            {
                "date_birth": "1990-03-07",
                "emergency_contact_name": "Zhang Min",
                "emergency_contact_phone": "13900000009",
                "is_prejudiced": True,
                "mobile": "13800000001",
            }
        )
        cls.owner_a_spouse.write(
            {"mobile": "13800000002", "emergency_contact_name": "Li Lei"}
        )
        cls.plain_user = new_test_user(
            cls.env, login="pcs_plain", groups="base.group_user", name="Plain"
        )
        cls.salesman = new_test_user(
            cls.env,
            login="pcs_salesman",
            groups="sales_team.group_sale_salesman,base.group_allow_export",
            name="Salesman",
        )

    def test_other_internal_users_do_not_read_owner_file(self):
        """A plain internal user and a salesman of the same company read the
        contact but not the owner file, and cannot export it."""
        for user in (self.plain_user, self.salesman):
            Partner = self.env["res.partner"].with_user(user)
            owner = self.owner_a.with_user(user)
            self.assertEqual(owner.read(["name"])[0]["name"], "Zhang Wei")
            for field in OWNER_FILE_FIELDS:
                with self.subTest(user=user.login, field=field):
                    with self.assertRaises(AccessError):
                        owner.read([field])
                    with self.assertRaises(AccessError):
                        Partner.search_read([("id", "=", owner.id)], [field])
                    self.assertNotIn(field, Partner.fields_get())
            if user == self.salesman:  # may export contacts
                self.assertTrue(owner.export_data(["name"])["datas"])
                with self.assertRaises(AccessError):
                    owner.export_data(["name", "id_number_masked", "date_birth"])
            with self.assertRaises(AccessError):
                Partner.search([("is_prejudiced", "=", True)])
            with self.assertRaises(AccessError):
                self.env["property.unit.partner"].with_user(user).search([])
            # the form of a contact still opens, without the owner file
            arch = Partner.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertNotIn("property_owner_file", arch)
            self.assertNotIn("handling_tip", arch)
        # the property staff still read it
        for role in ("agent", "department", "finance", "surveyor", "head_office"):
            with self.subTest(role=role):
                data = self.owner_a.with_user(self.users[role]).read(OWNER_FILE_FIELDS)
                self.assertEqual(data[0]["emergency_contact_name"], "Zhang Min")
                self.assertTrue(data[0]["is_prejudiced"])
        arch = (
            self.env["res.partner"]
            .with_user(self.agent)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("property_owner_file", arch)

    def test_owner_does_not_read_internal_data_over_rpc(self):
        """A portal owner reads neither the internal flags of their own
        contact nor the contact data of their household's link rows."""
        own = self.owner_a.with_user(self.portal_owner)
        self.assertEqual(own.read(["name"])[0]["name"], "Zhang Wei")
        for field in (
            "is_prejudiced",
            "key_customer_reasons",
            "has_special_needs",
            "is_key_customer",
            "date_birth",
            "emergency_contact_name",
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                own.read([field])
        links = (
            self.env["property.unit.partner"].with_user(self.portal_owner).search([])
        )
        self.assertIn(self.owner_a_spouse, links.partner_id, "household rows visible")
        self.assertTrue(links.read(["role"]))
        for field in (
            "mobile",
            "phone",
            "emergency_contact_name",
            "emergency_contact_phone",
            "key_customer_reasons",
            "is_key_customer",
            "has_special_needs",
            "is_special_needs_consent_missing",
        ):
            with self.subTest(field=field), self.assertRaises(AccessError):
                links.read([field])
