# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import the sample portfolio of data/import/ through the standard import
(base_import) as Chinese-speaking property administrators, twice."""

import csv
import io
import os
from datetime import date

from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools.translate import code_translations

IMPORT_DIR = os.path.normpath(
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "data", "import")
)
# the documented import order: each file refers to records of the earlier ones
IMPORT_FILES = [
    ("property.project", "property.project.csv"),
    ("property.building", "property.building.csv"),
    ("property.unit", "property.unit.csv"),
    ("res.partner", "res.partner.csv"),
    ("property.unit.partner", "property.unit.partner.csv"),
    ("property.parking.space", "property.parking.space.csv"),
]
XMLID_MODULE = "sample_portfolio"
IMPORT_OPTIONS = {
    "quoting": '"',
    "separator": ",",
    "encoding": "utf-8",
    "has_headers": True,
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "keep_matches": False,
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "fallback_values": {},
    "skip": 0,
    "limit": 2000,
}


@tagged("post_install", "-at_install")
class TestPropertyCsImport(TransactionCase):
    def _read_template(self, filename):
        """The template's bytes and its header row (technical field names)."""
        self.assertTrue(
            os.path.isdir(IMPORT_DIR),
            f"The import templates folder {IMPORT_DIR} is missing: the sample "
            "portfolio CSV files must be shipped with the repository.",
        )
        path = os.path.join(IMPORT_DIR, filename)
        self.assertTrue(os.path.isfile(path), f"Import template {path} is missing.")
        with open(path, "rb") as handle:
            content = handle.read()
        header = next(csv.reader(io.StringIO(content.decode("utf-8"))))
        rows = len(list(csv.reader(io.StringIO(content.decode("utf-8"))))) - 1
        return content, header, rows

    def _import_portfolio(self, user):
        """Import the six files in order; return {model: (ids, data rows)}."""
        result = {}
        for model, filename in IMPORT_FILES:
            content, header, rows = self._read_template(filename)
            wizard = (
                self.env["base_import.import"]
                .with_user(user)
                .create(
                    {
                        "res_model": model,
                        "file": content,
                        "file_name": filename,
                        "file_type": "text/csv",
                    }
                )
            )
            outcome = wizard.execute_import(header, header, dict(IMPORT_OPTIONS))
            errors = [
                message
                for message in outcome.get("messages", [])
                if message.get("type") == "error"
            ]
            self.assertFalse(errors, f"Import of {filename} failed: {errors}")
            self.assertEqual(
                len(outcome["ids"]),
                rows,
                f"{filename}: every data row must give one record",
            )
            result[model] = (sorted(outcome["ids"]), rows)
        return result

    def _count_imported(self):
        """Records carrying a sample_portfolio external ID, per model."""
        return {
            model: self.env["ir.model.data"].search_count(
                [("module", "=", XMLID_MODULE), ("model", "=", model)]
            )
            for model, _filename in IMPORT_FILES
        }

    def _sample(self, name):
        return self.env.ref(f"{XMLID_MODULE}.{name}")

    def _check_portfolio(self, user, lang):
        before = self._count_imported()
        self.assertFalse(any(before.values()), "sample portfolio already present")

        first = self._import_portfolio(user)
        counts = self._count_imported()
        for model, (ids, rows) in first.items():
            self.assertEqual(counts[model], rows, f"{model}: external IDs")
            self.assertEqual(len(self.env[model].browse(ids).exists()), rows)

        project = self._sample("project_yangguang")
        self.assertEqual(project.with_context(lang=lang).name, "阳光花园")
        self.assertEqual(project.tz, "Asia/Shanghai")
        self.assertEqual(project.opening_hours, "08:00-20:00")
        self.assertEqual(project.building_count, 2)
        self.assertEqual(project.unit_count, first["property.unit"][1])
        self.assertAlmostEqual(
            project.total_area,
            sum(
                self.env["property.unit"]
                .browse(first["property.unit"][0])
                .mapped("area")
            ),
            places=2,
        )

        # a co-owned flat: two owners with 50 % each and a child living there
        unit = self._sample("unit_1_101")
        self.assertEqual(unit.complete_name, "1幢-101")
        self.assertEqual(unit.area, 128.6)
        self.assertEqual(unit.date_handover, date(2020, 6, 18))
        zhang_wei = self._sample("partner_zhang_wei")
        li_na = self._sample("partner_li_na")
        self.assertEqual(unit.owner_ids, zhang_wei | li_na)
        shares = {
            link.partner_id: (link.role, link.share)
            for link in unit.current_link_ids
            if link.role in ("owner", "co_owner")
        }
        self.assertEqual(
            shares, {zhang_wei: ("owner", 50.0), li_na: ("co_owner", 50.0)}
        )
        self.assertEqual(unit.occupancy, "owner_occupied")
        self.assertIn(self._sample("partner_zhang_zihan"), unit.resident_ids)
        # 60/40 co-ownership, a rented flat, a vacant one, a flat not delivered
        self.assertEqual(
            sorted(self._sample("unit_2_201").current_link_ids.mapped("share")),
            [40.0, 60.0],
        )
        rented = self._sample("unit_1_202")
        self.assertEqual(rented.occupancy, "rented")
        self.assertEqual(rented.owner_ids, self._sample("partner_liu_yang"))
        self.assertEqual(self._sample("unit_1_502").status, "vacant")
        self.assertEqual(self._sample("unit_2_501").status, "undelivered")
        self.assertEqual(self._sample("unit_2_101").use_type, "commercial")

        # identity numbers: stored masked and hashed, found by the full number
        self.assertEqual(zhang_wei.id_number_masked, "1***************39")
        self.assertEqual(zhang_wei.id_document_type, "resident_id")
        self.assertEqual(
            self.env["res.partner"].search(
                [("id_number_input", "=", "110101198503121239")]
            ),
            zhang_wei,
        )
        self.assertEqual(self._sample("partner_zhou_jie").id_number_masked, "E******78")
        self.assertFalse(self._sample("partner_ma_chao").id_number_masked)
        self.assertEqual(zhang_wei.date_birth, date(1985, 3, 12))
        self.assertEqual(zhang_wei.preferred_channel, "messaging")
        self.assertEqual(zhang_wei.emergency_contact_relation, "父亲")
        # internal handling data and key-customer reasons, in the user's language
        self.env["ir.module.module"]._load_module_terms(["property_cs"], [lang])
        terms = code_translations.get_python_translations("property_cs", lang)
        staff_view = zhang_wei.with_context(lang=lang)
        self.assertEqual(zhang_wei.personality_type, "dominant")
        self.assertIn(
            self.env.ref("property_cs.handling_tip_dominant")
            .with_context(lang=lang)
            .tip,
            staff_view.handling_tip,
        )
        self.assertIn("18:00", staff_view.handling_tip)
        self.assertTrue(zhang_wei.is_key_customer)
        self.assertIn(
            terms["Enthusiastic and influential."],
            staff_view.key_customer_reasons,
        )
        self.assertTrue(self._sample("partner_huang_qiang").is_prejudiced)
        company = self._sample("partner_yangguang_trading")
        self.assertTrue(company.is_company)
        self.assertTrue(company.is_key_customer)

        space = self._sample("parking_b1_004")
        self.assertEqual(space.partner_id, self._sample("partner_lin_xiaowen"))
        self.assertEqual((space.holding, space.unit_id), ("rented", rented))

        # importing the same files again updates the records in place
        second = self._import_portfolio(user)
        self.assertEqual(self._count_imported(), counts)
        for model, (ids, _rows) in second.items():
            self.assertEqual(ids, first[model][0], f"{model}: records re-used")
        self.assertEqual(
            self.env["property.unit"].search_count([("project_id", "=", project.id)]),
            first["property.unit"][1],
        )
        unit.invalidate_recordset()
        self.assertEqual(
            sorted(unit.current_link_ids.mapped("share")), [0.0, 50.0, 50.0]
        )
        self.assertEqual(zhang_wei.id_number_masked, "1***************39")

    def test_import_sample_portfolio_zh_cn(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        user = new_test_user(
            self.env,
            login="pcs_import_zh_cn",
            groups="base.group_user,property_cs.group_property_cs_admin",
            lang="zh_CN",
        )
        self._check_portfolio(user, "zh_CN")

    def test_import_sample_portfolio_zh_tw(self):
        self.env["res.lang"]._activate_lang("zh_TW")
        user = new_test_user(
            self.env,
            login="pcs_import_zh_tw",
            groups="base.group_user,property_cs.group_property_cs_admin",
            lang="zh_TW",
        )
        self._check_portfolio(user, "zh_TW")
