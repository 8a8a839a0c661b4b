# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from datetime import timedelta

import qrcode

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import format_date, mute_logger

from odoo.addons.property_cs.models.identity_number import mask_identity_number

from .common import PropertyCsCommon

WORKING_HOURS = "Mon-Fri 08:00-12:00 and 14:00-18:00"
WORKER_ID_FULL = "330106199001011212"
WORKER_ID_MASKED = mask_identity_number(WORKER_ID_FULL)
# what the building notice and the verification page must never show
PERSONAL_DATA = (
    "Zhang Wei",  # the applicant
    "13800000001",  # the applicant's mobile
    "zhang.wei@example.com",
    "Zhao Gang",  # the worker
    "13700000007",  # the worker's phone
    WORKER_ID_MASKED,
    WORKER_ID_FULL,
    "Liu Qiang",  # the contractor's person in charge
    "13900000009",  # and his phone
)


class RenovationPrintCommon(PropertyCsCommon):
    """An approved permit on unit B1-101 of owner A, with a contractor and
    one worker, running from two days ago for a month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a.renovation_working_hours = WORKING_HOURS
        cls.renovation = cls._create_renovation(cls.unit_a1, cls.owner_a)
        cls.renovation._workflow_write({"state": "approved"})
        cls.renovation.date_approved = "2026-03-01 17:30:00"

    @classmethod
    def _create_renovation(cls, unit, applicant, **vals):
        Renovation = cls.env["property.renovation"]
        today = Renovation.new({"unit_id": unit.id})._verify_today()
        worker = {
            "name": "Zhao Gang",
            "trade": "Electrician",
            "phone": "13700000007",
            "id_number_masked": WORKER_ID_MASKED,
        }
        if "id_number" in cls.env["property.renovation.worker"]._fields:
            worker["id_number"] = WORKER_ID_FULL
        return Renovation.create(
            {
                "unit_id": unit.id,
                "applicant_id": applicant.id,
                "uses_contractor": True,
                "contractor_name": "Bright Decor Co.",
                "contractor_licence": "JZ-3301-2024",
                "contractor_manager": "Liu Qiang",
                "contractor_phone": "13900000009",
                "date_start": today - timedelta(days=2),
                "date_end": today + timedelta(days=30),
                "scope_ids": [
                    Command.set(
                        [
                            cls.env.ref("property_cs.renovation_scope_walls").id,
                            cls.env.ref("property_cs.renovation_scope_electrical").id,
                        ]
                    )
                ],
                "worker_ids": [Command.create(worker)],
                **vals,
            }
        )

    def _render(self, report, renovation=None, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        html = Report._render_qweb_html(
            f"property_cs.property_renovation_report_{report}",
            (renovation or self.renovation).ids,
        )[0]
        return html.decode()

    def _load_chinese(self):
        for lang in ("zh_CN", "zh_TW"):
            self.env["res.lang"]._activate_lang(lang)
        self.env["ir.module.module"]._load_module_terms(
            ["property_cs"], ["zh_CN", "zh_TW"], overwrite=True
        )


@tagged("post_install", "-at_install")
class TestRenovationPrint(RenovationPrintCommon):
    """The permit, worker passes and building notice as printed (HTML)."""

    def test_token_random_and_not_copied(self):
        """Each permit gets its own random verification token at creation,
        not derived from its id, and a copy gets a new one."""
        token = self.renovation.verify_token
        self.assertGreaterEqual(len(token), 32)
        self.assertNotEqual(token, str(self.renovation.id))
        self.assertTrue(
            self.renovation.verify_url.endswith(f"/renovation/verify/{token}")
        )
        other = self._create_renovation(self.unit_a2, self.tenant_a)
        self.assertTrue(other.verify_token)
        self.assertNotEqual(other.verify_token, token)
        copy = self.renovation.copy()
        self.assertTrue(copy.verify_token)
        self.assertNotEqual(copy.verify_token, token)

    def test_permit_in_chinese(self):
        """The permit prints in the applicant's language (zh_CN, zh_TW):
        the translated title, unit, project, contractor, dates, working
        hours, scope, service-centre phone and the QR code of the
        verification link."""
        self._load_chinese()
        renovation = self.renovation
        url = renovation.verify_url
        png = io.BytesIO()
        qrcode.make(url.encode(), box_size=4, border=2).save(
            png, optimise=True, format="PNG"
        )
        qr_src = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
        for lang, title in (("zh_CN", "装修许可证"), ("zh_TW", "裝修許可證")):
            with self.subTest(lang=lang):
                self.owner_a.lang = lang
                html = self._render("permit")
                self.assertIn(title, html)
                self.assertNotIn("Renovation Permit<", html)
                for text in (
                    renovation.name,
                    "B1-101",
                    "Osmanthus Garden",
                    "Bright Decor Co.",
                    WORKING_HOURS,
                    "0571-88880000",
                    format_date(self.env, renovation.date_start, lang_code=lang),
                    format_date(self.env, renovation.date_end, lang_code=lang),
                    self.env.ref("property_cs.renovation_scope_walls")
                    .with_context(lang=lang)
                    .name,
                ):
                    self.assertIn(text, html)
                # the QR code encodes the verification link, printed below it
                self.assertIn(f'src="{qr_src}"', html)
                self.assertIn(f'data-verify-url="{url}"', html)
                self.assertIn(url, html)

    def test_permit_issue_date_in_project_time_zone(self):
        """The approval at 17:30 UTC is the next day in Shanghai: the
        permit's issue date is the project's local day."""
        html = self._render("permit")
        local_day = format_date(self.env, "2026-03-02", lang_code="en_US")
        self.assertIn(local_day, html)
        self.assertNotIn(format_date(self.env, "2026-03-01", lang_code="en_US"), html)

    def test_permit_in_company_language_without_applicant_language(self):
        """An applicant without a language gets the company's."""
        self._load_chinese()
        self.owner_a.lang = False
        self.company.partner_id.lang = "zh_TW"
        self.assertIn("裝修許可證", self._render("permit"))

    def test_worker_pass_masked_id_only(self):
        """One pass per worker with name, trade, masked ID, permit number,
        unit, valid dates and QR code; never the full ID or the phone."""
        self.renovation.worker_ids = [
            Command.create({"name": "Sun Li", "trade": "Plumber"})
        ]
        html = self._render("worker_pass")
        self.assertEqual(html.count('o_renovation_worker_pass"'), 2)
        for text in (
            "Zhao Gang",
            "Electrician",
            "Sun Li",
            WORKER_ID_MASKED,
            self.renovation.name,
            "B1-101",
            format_date(self.env, self.renovation.date_end),
            self.renovation.verify_url,
        ):
            self.assertIn(text, html)
        self.assertNotIn(WORKER_ID_FULL, html)
        self.assertNotIn("13700000007", html)

    def test_worker_pass_in_chinese(self):
        """The worker pass title is translated."""
        self._load_chinese()
        self.owner_a.lang = "zh_CN"
        self.assertIn("施工人员出入证", self._render("worker_pass"))

    def test_building_notice_without_personal_data(self):
        """The building notice shows unit, dates, working hours, contractor
        and the service-centre phone, and no applicant or worker data."""
        self._load_chinese()
        self.company.partner_id.lang = "zh_CN"
        self.owner_a.lang = "en_US"
        html = self._render("notice")
        self.assertIn("装修公示", html)
        for text in (
            "B1-101",
            WORKING_HOURS,
            "Bright Decor Co.",
            "0571-88880000",
            format_date(self.env, self.renovation.date_start, lang_code="zh_CN"),
        ):
            self.assertIn(text, html)
        for text in PERSONAL_DATA:
            self.assertNotIn(text, html)

    def test_extended_end_printed(self):
        """With an approved extension (the works part's date_end_extended),
        the passes and the notice print the extended end."""
        if "date_end_extended" not in self.renovation._fields:
            self.skipTest("no end-date extension in this build")
        extended = self.renovation.date_end + timedelta(days=10)
        self.renovation.date_end_extended = extended
        self.assertEqual(self.renovation._verify_date_end(), extended)
        self.assertIn(format_date(self.env, extended), self._render("notice"))

    def test_not_printed_before_approval(self):
        """A permit not yet approved is not printed, whatever the route."""
        draft = self._create_renovation(self.unit_a2, self.tenant_a)
        for report in ("permit", "worker_pass", "notice"):
            with self.subTest(report=report), self.assertRaises(UserError):
                self._render(report, draft)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_print_access(self):
        """The applicant prints their permit; an owner of another unit and
        staff of another project cannot print it."""
        self.assertIn(
            self.renovation.name, self._render("permit", user=self.portal_owner)
        )
        self.assertIn(self.renovation.name, self._render("permit", user=self.agent))
        for report in ("permit", "worker_pass", "notice"):
            with self.subTest(report=report), self.assertRaises(AccessError):
                self._render(report, user=self.portal_owner_b)
        renovation_b = self._create_renovation(self.unit_b1, self.owner_b)
        renovation_b._workflow_write({"state": "approved"})
        with self.assertRaises(AccessError):
            self._render("permit", renovation_b, user=self.agent)


@tagged("post_install", "-at_install")
class TestRenovationVerify(HttpCase, RenovationPrintCommon):
    """The public verification page the QR code opens."""

    def _verify(self, renovation=None, token=None):
        token = token or (renovation or self.renovation).verify_token
        return self.url_open(f"/renovation/verify/{token}")

    def _assert_no_personal_data(self, text):
        for marker in PERSONAL_DATA:
            self.assertNotIn(marker, text)

    def test_valid_permit(self):
        """Without login: valid, the unit, dates and working hours, and no
        personal data."""
        response = self._verify()
        self.assertEqual(response.status_code, 200)
        text = response.text
        self.assertIn("o_renovation_verify_valid", text)
        self.assertNotIn("o_renovation_verify_invalid", text)
        for value in (
            self.renovation.name,
            "B1",
            "101",
            WORKING_HOURS,
            format_date(self.env, self.renovation.date_start),
            format_date(self.env, self.renovation.date_end),
        ):
            self.assertIn(value, text)
        self._assert_no_personal_data(text)

    def test_unknown_token_not_found(self):
        """An unknown token, or the permit's id, is a 404."""
        self.assertEqual(self._verify(token="x" * 32).status_code, 404)
        self.assertEqual(self._verify(token=str(self.renovation.id)).status_code, 404)

    def test_stopped_permit_not_valid(self):
        """A stop-work order makes the permit not valid, with the reason."""
        self.renovation._workflow_write({"state": "stopped"})
        text = self._verify().text
        self.assertIn("o_renovation_verify_invalid", text)
        self.assertIn("Work has been stopped", text)
        self._assert_no_personal_data(text)

    def test_expired_and_other_reasons(self):
        """Past the end date the permit has expired; before approval,
        after completion and before the start it is not valid either."""
        today = self.renovation._verify_today()
        self.renovation.date_end = today - timedelta(days=1)
        self.renovation.date_start = today - timedelta(days=20)
        text = self._verify().text
        self.assertIn("o_renovation_verify_invalid", text)
        self.assertIn("The permit has expired.", text)
        self._assert_no_personal_data(text)
        cases = (
            (
                {"state": "approved"},
                {"date_start": today + timedelta(days=3)},
                "not_started",
            ),
            ({"state": "completion"}, {}, "completed"),
            ({"state": "submitted"}, {}, "not_approved"),
        )
        for state, dates, reason in cases:
            with self.subTest(reason=reason):
                renovation = self._create_renovation(self.unit_a2, self.tenant_a)
                renovation.write(dates)
                renovation._workflow_write(state)
                status = renovation._verify_status()
                self.assertFalse(status["valid"])
                self.assertEqual(status["reason"], reason)
                self.assertIn(status["reason_text"], self._verify(renovation).text)

    def test_portal_print_own_permit_only(self):
        """The applicant prints the permit from the portal; an owner of
        another unit is sent back to their portal home."""
        url = f"/my/renovations/{self.renovation.id}/print/permit?report_type=html"
        self.authenticate("pcs_owner_a", "pcs_owner_a")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.renovation.name, response.text)
        self.assertIn("B1-101", response.text)
        self.authenticate("pcs_owner_b", "pcs_owner_b")
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.assertNotIn(self.renovation.name, response.text)
