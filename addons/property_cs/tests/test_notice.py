# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from ..models import notice_privacy
from .common import GROUP, PropertyCsCommon


class NoticeCommon(PropertyCsCommon):
    """Notices of project A (hotline 0571-88880000) and B; a supervisor of
    project A publishes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        cls.supervisor = cls.users["supervisor"]
        cls.Notice = cls.env["property.notice"]
        cls.cat_fees = cls.env.ref("property_cs.property_notice_category_service_fees")
        cls.cat_annual = cls.env.ref(
            "property_cs.property_notice_category_annual_report"
        )
        cls.cat_public_income = cls.env.ref(
            "property_cs.property_notice_category_public_income"
        )
        cls.cat_outage = cls.env.ref("property_cs.property_notice_category_outage")
        cls.cat_arrears = cls.env.ref("property_cs.property_notice_category_arrears")
        cls.building_a2 = cls.env["property.building"].create(
            {"name": "B2", "project_id": cls.project_a.id}
        )
        cls.unit_a4 = cls.env["property.unit"].create(
            {"name": "201", "building_id": cls.building_a2.id, "area": 90.0}
        )

    @classmethod
    def _notice(cls, body="<p>The lawn is mowed on Friday.</p>", **values):
        today = fields.Date.context_today(cls.env.user)
        vals = {
            "name": "Service standards",
            "project_id": cls.project_a.id,
            "category_id": cls.cat_fees.id,
            "body": body,
            "date_from": today,
            "date_until": today + timedelta(days=30),
        }
        vals.update(values)
        return cls.env["property.notice"].create(vals)

    def _file(self, notice, content=b"%PDF-1.4 a scan", name="standards.pdf"):
        return self.env["property.notice.attachment"].create(
            {
                "notice_id": notice.id,
                "name": name,
                "datas": base64.b64encode(content),
            }
        )

    def _publish(self, notice, reason=False, user=None):
        return notice.with_user(user or self.supervisor)._publish(reason=reason)

    @classmethod
    def _former_owner_of_b(cls, partner):
        """``partner`` owned a unit of River View from 2020 until mid-2024:
        an owner when elected to its committee in 2024 (members are
        owners), none today."""
        unit = cls.env["property.unit"].create(
            {"name": f"B-{partner.id}", "building_id": cls.building_b.id, "area": 80}
        )
        cls.env["property.unit.partner"].create(
            {
                "unit_id": unit.id,
                "partner_id": partner.id,
                "role": "owner",
                "date_start": "2020-01-01",
                "date_end": "2024-06-30",
            }
        )


@tagged("post_install", "-at_install")
class TestNoticePrivacy(NoticeCommon):
    """Personal information at publication: phone and identity-number
    patterns block; residents' names warn and need a logged reason; each
    attachment needs the publisher's confirmation; arrears notices never
    carry names or unit numbers."""

    def test_patterns(self):
        find_phones = notice_privacy.find_phone_numbers
        self.assertEqual(find_phones("call 138 0013 8000 now"), ["138 0013 8000"])
        self.assertEqual(find_phones("+86-13800138000"), ["+86-13800138000"])
        self.assertEqual(find_phones("office (010) 6512 3456"), ["(010) 6512 3456"])
        self.assertEqual(find_phones("hotline 0571-8888 0000", ["0571-88880000"]), [])
        self.assertEqual(find_phones("masked 138****8000, 12345, 2026-03-31"), [])
        self.assertEqual(find_phones("fee 2.80 yuan for 20261205"), [])
        find_ids = notice_privacy.find_identity_numbers
        self.assertEqual(find_ids("id 11010119900307123X."), ["11010119900307123X"])
        self.assertEqual(find_ids("id 110101 19900307 1234"), ["110101 19900307 1234"])
        self.assertEqual(find_ids("order 110101299003071234 / 1234567890123456"), [])
        self.assertEqual(
            notice_privacy.find_names(
                "Dear zhang wei and 王芳", ["Zhang Wei", "王芳", "Li"]
            ),
            ["Zhang Wei", "王芳"],
        )
        self.assertEqual(notice_privacy.find_names("Zhang Weiming", ["Zhang Wei"]), [])
        found = notice_privacy.find_unit_numbers(
            "3-2-501 and 2幢203室, B1-101; 508室", ["B1-101"]
        )
        for unit in ("B1-101", "3-2-501", "2幢203", "508室"):
            self.assertIn(unit, found)
        self.assertEqual(notice_privacy.find_unit_numbers("fees of 2026", ["101"]), [])
        self.assertEqual(
            notice_privacy.find_honorifics("王先生、李女士"), ["王先生", "李女士"]
        )

    def test_phone_blocks(self):
        notice = self._notice("<p>Questions: call Mr Wang on 139 1234 5678.</p>")
        with self.assertRaisesRegex(UserError, "Phone numbers in the text: 139"):
            notice.with_user(self.supervisor).action_publish()
        self.assertEqual(notice.state, "draft")
        # the project's hotline may be published, written any way
        notice.body = "<p>Questions: call the hotline 0571 8888 0000.</p>"
        self.assertTrue(notice.with_user(self.supervisor).action_publish())
        self.assertEqual(notice.state, "published")

    def test_other_landline_blocks(self):
        notice = self._notice("<p>Contractor: 0571-66554433</p>")
        with self.assertRaisesRegex(UserError, "Phone numbers"):
            self._publish(notice)

    def test_identity_number_blocks(self):
        notice = self._notice("<p>Winner: 110101199003071234</p>")
        with self.assertRaisesRegex(UserError, "Identity-card numbers in the text"):
            self._publish(notice)
        self.assertEqual(notice.state, "draft")
        # the message masks it
        with self.assertRaises(UserError) as error:
            self._publish(notice)
        self.assertNotIn("110101199003071234", str(error.exception))

    def test_identity_number_in_text_attachment_blocks(self):
        notice = self._notice()
        attachment = self._file(
            notice, b"list\nZhao 110101199003071234\n", name="list.txt"
        )
        attachment.with_user(self.supervisor).action_confirm_no_personal_data()
        with self.assertRaisesRegex(UserError, "Identity-card numbers in list.txt"):
            self._publish(notice)

    def test_names_warn_and_need_logged_reason(self):
        notice = self._notice("<p>Thanks to Zhang Wei for the flowers.</p>")
        action = notice.with_user(self.supervisor).action_publish()
        self.assertEqual(action["res_model"], "property.notice.publish")
        wizard = self.env["property.notice.publish"].browse(action["res_id"])
        self.assertEqual(wizard.names_found, "Zhang Wei")
        self.assertEqual(notice.state, "draft")
        with self.assertRaisesRegex(UserError, "give the reason"):
            self._publish(notice)
        with self.assertRaisesRegex(UserError, "give the reason"):
            self._publish(notice, reason="  ")
        wizard.with_user(self.supervisor).write(
            {"reason": "He agreed in writing to be thanked by name."}
        )
        wizard.with_user(self.supervisor).action_confirm()
        self.assertEqual(notice.state, "published")
        self.assertEqual(notice.publisher_id, self.supervisor)
        self.assertEqual(
            notice.publish_reason, "He agreed in writing to be thanked by name."
        )
        logged = notice.message_ids.filtered(
            lambda m: "agreed in writing" in (m.body or "")
        )
        self.assertTrue(logged)
        self.assertIn("Zhang Wei", logged.body)

    def test_names_of_other_projects_do_not_warn(self):
        notice = self._notice("<p>Chen Jie of River View visited.</p>")
        self.assertTrue(notice.with_user(self.supervisor).action_publish() is True)
        self.assertFalse(notice.publish_reason)

    def test_attachment_needs_publisher_confirmation(self):
        notice = self._notice()
        attachment = self._file(notice)
        with self.assertRaisesRegex(UserError, "standards.pdf"):
            self._publish(notice)
        # confirmed by someone else: the publisher confirms themselves
        attachment.with_user(self.agent).action_confirm_no_personal_data()
        self.assertEqual(attachment.confirmed_uid, self.agent)
        action = notice.with_user(self.supervisor).action_publish()
        wizard = self.env["property.notice.publish"].browse(action["res_id"])
        self.assertEqual(wizard.line_ids.attachment_id, attachment)
        self.assertFalse(wizard.names_found)
        with self.assertRaisesRegex(UserError, "standards.pdf"):
            wizard.with_user(self.supervisor).action_confirm()
        wizard.line_ids.confirmed = True
        wizard.with_user(self.supervisor).action_confirm()
        self.assertEqual(notice.state, "published")
        self.assertEqual(attachment.confirmed_uid, self.supervisor)
        self.assertTrue(attachment.date_confirmed)
        with self.assertRaises(UserError):
            attachment.with_user(self.agent).name = "other.pdf"
        with self.assertRaises(UserError):
            self.env["property.notice.attachment"].with_user(self.agent).create(
                {
                    "notice_id": notice.id,
                    "name": "x.pdf",
                    "datas": base64.b64encode(b"x"),
                }
            )

    def test_new_file_needs_new_confirmation(self):
        notice = self._notice()
        attachment = self._file(notice)
        attachment.with_user(self.supervisor).action_confirm_no_personal_data()
        attachment.with_user(self.agent).datas = base64.b64encode(b"another scan")
        self.assertFalse(attachment.confirmed_uid)
        with self.assertRaises(UserError):
            self._publish(notice)
        # nobody sets the confirmation by writing it
        with self.assertRaises(UserError):
            attachment.with_user(self.agent).confirmed_uid = self.supervisor

    def test_arrears_never_names_nor_units(self):
        notice = self._notice(
            "<p>Please pay the fees of last quarter.</p>",
            name="Fee reminder",
            category_id=self.cat_arrears.id,
        )
        for body, message in (
            ("<p>Zhang Wei still owes 3 quarters.</p>", "never names anyone"),
            ("<p>王先生 still owes 3 quarters.</p>", "never names anyone"),
            ("<p>B1-101 still owes 3 quarters.</p>", "never gives unit numbers"),
            ("<p>2幢203室 still owes 3 quarters.</p>", "never gives unit numbers"),
        ):
            notice.body = body
            with self.assertRaisesRegex(UserError, message):
                self._publish(notice, reason="The committee asked for it.")
            self.assertEqual(notice.state, "draft")
        notice.body = "<p>Please pay the fees of last quarter.</p>"
        attachment = self._file(notice)
        attachment.with_user(self.supervisor).action_confirm_no_personal_data()
        with self.assertRaisesRegex(UserError, "text only"):
            self._publish(notice)
        attachment.unlink()
        self._publish(notice)
        self.assertEqual(notice.state, "published")

    def test_only_supervisors_publish(self):
        notice = self._notice()
        with self.assertRaisesRegex(UserError, "Only supervisors"):
            notice.with_user(self.agent).action_publish()
        with self.assertRaises(UserError):
            notice.with_user(self.agent).write({"state": "published"})

    def test_published_content_is_locked(self):
        notice = self._notice()
        self._publish(notice)
        with self.assertRaisesRegex(UserError, "withdraw it"):
            notice.with_user(self.agent).body = "<p>Call 13912345678</p>"
        notice.with_user(self.supervisor).action_withdraw()
        self.assertEqual(notice.state, "draft")
        notice.with_user(self.agent).body = "<p>Call 13912345678</p>"
        with self.assertRaisesRegex(UserError, "Phone numbers"):
            self._publish(notice)


@tagged("post_install", "-at_install")
class TestNoticeDisplay(NoticeCommon):
    """The display period: at least the project's minimum (default 30 days)
    for publicity and arrears notices; expired by the daily cron."""

    def test_minimum_display_period(self):
        self.assertEqual(self.project_a.notice_min_display_days, 30)
        today = fields.Date.context_today(self.env.user)
        notice = self._notice(date_until=today + timedelta(days=29))
        with self.assertRaisesRegex(UserError, "at least 30 days"):
            self._publish(notice)
        notice.date_until = today + timedelta(days=30)
        self._publish(notice)
        # a published notice can be extended, not shortened below the minimum
        notice.with_user(self.agent).date_until = today + timedelta(days=60)
        with self.assertRaises(ValidationError):
            notice.with_user(self.agent).date_until = today + timedelta(days=10)
        # the setting of the project
        self.project_a.notice_min_display_days = 10
        short = self._notice(date_until=today + timedelta(days=10))
        self._publish(short)
        self.assertEqual(short.state, "published")
        with self.assertRaises(ValidationError):
            self.project_a.notice_min_display_days = 0

    def test_end_before_start_refused(self):
        today = fields.Date.context_today(self.env.user)
        with self.assertRaises(ValidationError):
            self._notice(date_until=today - timedelta(days=1))

    def test_form_proposes_shortest_period(self):
        today = fields.Date.context_today(self.env.user)
        with Form(self.env["property.notice"].with_user(self.agent)) as form:
            form.name = "Fees"
            form.project_id = self.project_a
            form.category_id = self.cat_fees
            self.assertEqual(form.date_until, today + timedelta(days=30))
            form.date_until = today + timedelta(days=5)
            form.date_from = today + timedelta(days=1)
            self.assertEqual(form.date_until, today + timedelta(days=31))

    def test_outage_notices_have_no_minimum(self):
        now = fields.Datetime.now()
        notice = self._notice(
            category_id=self.cat_outage.id,
            outage_type="water",
            outage_start=now + timedelta(days=2),
            outage_end=now + timedelta(days=2, hours=4),
            date_until=fields.Date.context_today(self.env.user) + timedelta(days=3),
        )
        self._publish(notice)
        self.assertEqual(notice.state, "published")

    def test_expiry_cron(self):
        with freeze_time("2026-05-01 04:00:00"):
            notice = self._notice(
                date_from=date(2026, 5, 1), date_until=date(2026, 5, 31)
            )
            self._publish(notice)
            self.assertTrue(notice.is_displayed)
        with freeze_time("2026-05-31 15:00:00"):  # 23:00 in Shanghai
            self.Notice._cron_expire_notices()
            self.assertEqual(notice.state, "published")
        with freeze_time("2026-05-31 16:30:00"):  # 1 June 00:30 in Shanghai
            self.Notice.invalidate_model(["is_displayed"])
            self.assertFalse(notice.is_displayed)
            self.Notice._cron_expire_notices()
            self.assertEqual(notice.state, "expired")
        notice.with_user(self.supervisor).action_set_archived()
        self.assertEqual(notice.state, "archived")

    def test_future_notice_not_displayed_yet(self):
        today = fields.Date.context_today(self.env.user)
        notice = self._notice(
            date_from=today + timedelta(days=2), date_until=today + timedelta(days=40)
        )
        self._publish(notice)
        self.assertFalse(notice.is_displayed)
        self.assertNotIn(notice, self.Notice.search([("is_displayed", "=", True)]))
        self.assertIn(notice, self.Notice.search([("is_displayed", "=", False)]))


@tagged("post_install", "-at_install")
class TestNoticeCalendar(NoticeCommon):
    """The publicity calendar: cadences, last published date per project and
    the stale alert to the project manager (daily cron)."""

    def _entry(self, category, project=None):
        Calendar = self.env["property.notice.calendar"]
        project = project or self.project_a
        Calendar._ensure_entries(project)
        return Calendar.search(
            [("project_id", "=", project.id), ("category_id", "=", category.id)]
        )

    def _todos(self, entry):
        entry.invalidate_recordset(["activity_ids"])
        return entry.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        )

    def test_next_due_rules(self):
        annual = self.cat_annual  # by 31 March
        self.assertEqual(
            annual._next_due(date(2025, 4, 10), date(2026, 3, 15)),
            (date(2026, 3, 31), False),
        )
        self.assertEqual(
            annual._next_due(date(2025, 4, 10), date(2026, 3, 31)),
            (date(2026, 3, 31), False),
        )
        self.assertEqual(
            annual._next_due(date(2025, 3, 20), date(2026, 4, 1)),
            (date(2026, 3, 31), True),
        )
        self.assertEqual(
            annual._next_due(date(2026, 2, 1), date(2026, 4, 1)),
            (date(2027, 3, 31), False),
        )
        # a report published late covers the day it missed, not the next one
        self.assertEqual(
            annual._next_due(date(2025, 4, 10), date(2025, 4, 11)),
            (date(2026, 3, 31), False),
        )
        self.assertEqual(
            annual._next_due(date(2025, 4, 10), date(2026, 4, 1)),
            (date(2026, 3, 31), True),
        )
        # never published: a project followed since after the due day waits
        # for the next one
        self.assertEqual(
            annual._next_due(False, date(2026, 6, 1), since=date(2026, 5, 1)),
            (date(2027, 3, 31), False),
        )
        self.assertEqual(annual._next_due(False, date(2026, 6, 1))[1], True)
        quarterly = self.cat_public_income
        self.assertEqual(
            quarterly._next_due(date(2026, 1, 1), date(2026, 4, 1)),
            (date(2026, 4, 1), False),
        )
        self.assertEqual(
            quarterly._next_due(date(2026, 1, 1), date(2026, 4, 2)),
            (date(2026, 4, 1), True),
        )
        self.assertEqual(
            quarterly._next_due(False, date(2026, 4, 2), since=date(2026, 3, 1)),
            (date(2026, 6, 1), False),
        )
        continuous = self.cat_fees
        self.assertEqual(
            continuous._next_due(False, date(2026, 4, 2), True), (False, False)
        )
        self.assertEqual(
            continuous._next_due(date(2026, 1, 1), date(2026, 4, 2), False),
            (date(2026, 4, 2), True),
        )

    def test_invalid_due_day(self):
        with self.assertRaises(ValidationError):
            self.cat_public_income.write({"due_month": 3, "due_day": 31})
        with self.assertRaises(ValidationError):
            self.cat_annual.write({"due_month": 2, "due_day": 30})

    def test_stale_annual_report_alert(self):
        Calendar = self.env["property.notice.calendar"]
        with freeze_time("2025-04-10 02:00:00"):
            notice = self._notice(
                name="Annual report 2024",
                category_id=self.cat_annual.id,
                date_from=date(2025, 4, 10),
                date_until=date(2025, 5, 10),
            )
            self._publish(notice)
        entry = self._entry(self.cat_annual)
        with freeze_time("2026-02-28 10:00:00"):
            Calendar._cron_check_publicity_calendar()
            self.assertEqual(entry.date_last_published, date(2025, 4, 10))
            self.assertEqual(entry.last_notice_id, notice)
            self.assertEqual(entry.date_next_due, date(2026, 3, 31))
            self.assertFalse(entry.is_stale)
            self.assertFalse(self._todos(entry))
        # the project's reminder (30 days): the task due 31 March
        with freeze_time("2026-03-01 10:00:00"):
            Calendar._cron_check_publicity_calendar()
            self.assertFalse(entry.is_stale)
            todo = self._todos(entry)
            self.assertEqual(len(todo), 1)
            self.assertEqual(todo.date_deadline, date(2026, 3, 31))
            self.assertEqual(todo.user_id, self.manager)
            self.assertIn("Annual Report", todo.summary)
            self.assertIn("2026-03-31", str(todo.note))
        with freeze_time("2026-04-01 10:00:00"):
            Calendar._cron_check_publicity_calendar()
            self.assertTrue(entry.is_stale)
            todo = self._todos(entry)
            self.assertEqual(len(todo), 1)
            self.assertIn(entry, self.project_a.notice_calendar_ids)
            self.assertGreaterEqual(self.project_a.notice_stale_count, 1)
            # the next night: no second to-do
            Calendar._cron_check_publicity_calendar()
            self.assertEqual(len(self._todos(entry)), 1)
            # publishing this year's report completes the to-do
            report = self._notice(
                name="Annual report 2025",
                category_id=self.cat_annual.id,
                date_from=date(2026, 4, 1),
                date_until=date(2026, 5, 1),
            )
            self._publish(report)
            self.assertFalse(entry.is_stale)
            self.assertEqual(entry.date_next_due, date(2027, 3, 31))
            self.assertFalse(self._todos(entry))
        # project B is followed too, with its own dates
        self.assertFalse(self._entry(self.cat_annual, self.project_b).last_notice_id)

    def test_continuous_item_stale_until_displayed(self):
        Calendar = self.env["property.notice.calendar"]
        entry = self._entry(self.cat_fees)
        Calendar._cron_check_publicity_calendar()
        self.assertTrue(entry.is_stale)
        self.assertEqual(len(self._todos(entry)), 1)
        notice = self._notice()
        self._publish(notice)
        self.assertTrue(entry.is_displayed)
        self.assertFalse(entry.is_stale)
        self.assertFalse(self._todos(entry))
        # withdrawn: nothing on display any more
        notice.with_user(self.supervisor).action_withdraw()
        self.assertTrue(entry.is_stale)
        self.assertEqual(len(self._todos(entry)), 1)

    def test_expiry_after_setting_change(self):
        """A notice published under a shorter minimum still expires."""
        with freeze_time("2026-05-01 04:00:00"):
            notice = self._notice(
                date_from=date(2026, 5, 1), date_until=date(2026, 5, 31)
            )
            self._publish(notice)
        self.project_a.notice_min_display_days = 60
        with freeze_time("2026-06-02 04:00:00"):
            self.Notice._cron_expire_notices()
        self.assertEqual(notice.state, "expired")

    def test_reminder_setting(self):
        """Without reminder days the to-do comes only once overdue."""
        self.project_a.notice_reminder_days = 0
        with freeze_time("2026-01-05 02:00:00"):
            self._publish(
                self._notice(
                    name="Public income Q4",
                    category_id=self.cat_public_income.id,
                    date_from=date(2026, 1, 5),
                    date_until=date(2026, 2, 5),
                )
            )
        entry = self._entry(self.cat_public_income)
        with freeze_time("2026-04-05 02:00:00"):
            self.env["property.notice.calendar"]._cron_check_publicity_calendar()
            self.assertFalse(self._todos(entry))
        self.project_a.notice_reminder_days = 10
        with freeze_time("2026-03-26 02:00:00"):
            self.env["property.notice.calendar"]._cron_check_publicity_calendar()
            self.assertEqual(self._todos(entry).date_deadline, date(2026, 4, 5))
        with self.assertRaises(ValidationError):
            self.project_a.notice_reminder_days = -1

    def test_no_alert_to_manager_without_access(self):
        """A project manager not assigned to the project gets no to-do (and
        the nightly job does not fail)."""
        outsider = new_test_user(
            self.env, login="pcs_pm_b", groups=GROUP % "manager", name="PM B"
        )
        self.project_b.manager_id = outsider
        entry = self._entry(self.cat_fees, self.project_b)
        self.env["property.notice.calendar"]._cron_check_publicity_calendar()
        self.assertTrue(entry.is_stale)
        self.assertFalse(self._todos(entry))

    def test_quarterly_item(self):
        Calendar = self.env["property.notice.calendar"]
        with freeze_time("2026-01-05 02:00:00"):
            self._publish(
                self._notice(
                    name="Public income Q4",
                    category_id=self.cat_public_income.id,
                    date_from=date(2026, 1, 5),
                    date_until=date(2026, 2, 5),
                )
            )
        entry = self._entry(self.cat_public_income)
        with freeze_time("2026-04-05 02:00:00"):
            Calendar._cron_check_publicity_calendar()
            self.assertFalse(entry.is_stale)
        with freeze_time("2026-04-06 02:00:00"):
            Calendar._cron_check_publicity_calendar()
            self.assertTrue(entry.is_stale)
            self.assertEqual(entry.date_next_due, date(2026, 4, 5))


@tagged("post_install", "-at_install")
class TestNoticeAudience(NoticeCommon):
    """Who sees and acknowledges a notice: owners and tenants of the project
    or buildings and current committee members; staff of the project."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.notice_a = cls._notice(name="Notice of A", requires_ack=True)
        cls.notice_b2 = cls._notice(
            name="Notice of building B2",
            building_ids=[Command.set(cls.building_a2.ids)],
        )
        cls.notice_b = cls._notice(name="Notice of B", project_id=cls.project_b.id)
        cls.draft_a = cls._notice(name="Draft of A")
        for notice in cls.notice_a | cls.notice_b2 | cls.notice_b:
            notice._publish()
        cls.member_partner = cls.env["res.partner"].create({"name": "Committee Chair"})
        # elected as an owner of River View, he sold his unit since: he reads
        # the notices as a committee member only
        cls._former_owner_of_b(cls.member_partner)
        cls.portal_member = new_test_user(
            cls.env,
            login="pcs_committee",
            groups="base.group_portal",
            partner_id=cls.member_partner.id,
        )
        cls.committee = cls.env["property.committee"].create(
            {
                "name": "Committee of River View",
                "project_id": cls.project_b.id,
                "date_start": "2024-01-01",
                "date_end": "2028-12-31",
                "member_ids": [
                    Command.create(
                        {
                            "partner_id": cls.member_partner.id,
                            "date_start": "2024-01-01",
                            "date_end": "2028-12-31",
                        }
                    )
                ],
            }
        )

    def _visible(self, user):
        return self.Notice.with_user(user).search([])

    def test_portal_sees_own_project_and_building(self):
        self.assertEqual(self._visible(self.portal_owner), self.notice_a)
        self.assertEqual(self._visible(self.portal_tenant), self.notice_a)
        self.assertEqual(self._visible(self.portal_owner_b), self.notice_b)
        with self.assertRaises(AccessError):
            self.notice_b.with_user(self.portal_owner).read(["name"])
        with self.assertRaises(AccessError):
            self.draft_a.with_user(self.portal_owner).read(["name"])
        with self.assertRaises(AccessError):
            self.notice_a.with_user(self.portal_owner).write({"name": "x"})
        # a resident of building B2 sees its notice and the project's
        resident = self.env["res.partner"].create({"name": "Resident B2"})
        self.env["property.unit.partner"].create(
            {
                "unit_id": self.unit_a4.id,
                "partner_id": resident.id,
                "role": "tenant",
                "date_start": "2025-01-01",
            }
        )
        user = new_test_user(
            self.env, login="pcs_b2", groups="base.group_portal", partner_id=resident.id
        )
        self.assertEqual(self._visible(user), self.notice_a | self.notice_b2)

    def test_link_ended_ends_access(self):
        link = self.tenant_a.unit_link_ids
        link.date_end = fields.Date.context_today(self.env.user) - timedelta(days=1)
        self.assertFalse(self._visible(self.portal_tenant))

    def test_committee_member_sees_project_while_current(self):
        self.assertEqual(self._visible(self.portal_member), self.notice_b)
        self.committee.member_ids.date_end = date(2025, 1, 1)
        self.assertFalse(self._visible(self.portal_member))
        self.committee.member_ids.date_end = False
        self.committee.date_end = date(2025, 1, 1)
        self.assertFalse(self._visible(self.portal_member))

    def test_staff_see_their_projects(self):
        self.assertNotIn(self.notice_b, self._visible(self.agent))
        self.assertIn(self.draft_a, self._visible(self.agent))
        with self.assertRaises(AccessError):
            self.notice_b.with_user(self.agent).read(["name"])
        self.assertIn(self.notice_b, self._visible(self.users["head_office"]))
        with self.assertRaises(AccessError):
            self.notice_b.with_user(self.users["head_office"]).write({"name": "x"})
        with self.assertRaises(AccessError):
            self._notice(project_id=self.project_b.id).with_user(self.agent).read(
                ["name"]
            )

    def test_acknowledgements(self):
        Ack = self.env["property.notice.ack"]
        notice = self.notice_a
        self.assertEqual(notice.audience_unit_count, 2)  # 101 owners, 102 tenant
        ack = Ack.with_user(self.portal_owner)._acknowledge(
            notice.with_user(self.portal_owner), self.owner_a
        )
        self.assertEqual(ack.partner_id, self.owner_a)
        self.assertEqual(ack.unit_id, self.unit_a1)
        self.assertEqual(ack.role, "owner")
        again = Ack.with_user(self.portal_owner)._acknowledge(
            notice.with_user(self.portal_owner), self.owner_a
        )
        self.assertEqual(again, ack)
        notice.invalidate_recordset()
        self.assertEqual((notice.ack_count, notice.ack_unit_count), (1, 1))
        self.assertEqual(notice.ack_rate, 50.0)
        Ack.with_user(self.portal_tenant)._acknowledge(
            notice.with_user(self.portal_tenant), self.tenant_a
        )
        notice.invalidate_recordset()
        self.assertEqual((notice.ack_count, notice.ack_unit_count), (2, 2))
        self.assertEqual(notice.ack_rate, 100.0)
        # each sees only their own acknowledgement
        self.assertEqual(Ack.with_user(self.portal_owner).search([]), ack)
        # a notice of another project, a notice without acknowledgement
        with self.assertRaises(AccessError):
            Ack.with_user(self.portal_owner)._acknowledge(
                self.notice_b.with_user(self.portal_owner), self.owner_a
            )
        with self.assertRaisesRegex(UserError, "does not ask"):
            Ack.with_user(self.portal_owner_b)._acknowledge(
                self.notice_b.with_user(self.portal_owner_b), self.owner_b
            )
        # staff read the acknowledgements of their projects
        self.assertEqual(len(Ack.with_user(self.agent).search([])), 2)

    def test_access_per_group(self):
        """Department staff read, finance drafts, supervisors publish;
        portal users neither create nor publish nor record an
        acknowledgement directly; head office reads every project."""
        department = self.users["department"]
        self.assertIn(self.notice_a, self._visible(department))
        with self.assertRaises(AccessError):
            self.draft_a.with_user(department).write({"name": "x"})
        finance = self.users["finance"]
        reminder = self.Notice.with_user(finance).create(
            {
                "name": "Fee reminder",
                "project_id": self.project_a.id,
                "category_id": self.cat_arrears.id,
                "body": "<p>Please pay.</p>",
                "date_until": fields.Date.context_today(self.env.user)
                + timedelta(days=30),
            }
        )
        with self.assertRaisesRegex(UserError, "Only supervisors"):
            reminder.action_publish()
        reminder.with_user(self.supervisor).action_publish()
        self.assertEqual(reminder.state, "published")
        with self.assertRaises(AccessError):
            self.Notice.with_user(self.portal_owner).create(
                {
                    "name": "Mine",
                    "project_id": self.project_a.id,
                    "category_id": self.cat_fees.id,
                }
            )
        with self.assertRaises(AccessError):
            self.env["property.notice.ack"].with_user(self.portal_owner).create(
                {"notice_id": self.notice_a.id, "partner_id": self.owner_a.id}
            )
        with self.assertRaises(UserError):
            self.notice_a.with_user(self.portal_owner).action_withdraw()
        with self.assertRaises(AccessError):
            self.env["property.notice.calendar"].with_user(self.portal_owner).search([])
        with self.assertRaises(AccessError):
            self.env["property.notice.attachment"].with_user(self.portal_owner).search(
                []
            )

    def test_demo_residents(self):
        """The demo residents over RPC-like calls: owner1 (1幢) and tenant1
        (2幢) read the project's notices on display, never another
        project's."""
        owner1 = self.env.ref("property_cs.demo_user_owner1", raise_if_not_found=False)
        tenant1 = self.env.ref(
            "property_cs.demo_user_tenant1", raise_if_not_found=False
        )
        licence = self.env.ref(
            "property_cs.demo_notice_ghy_licence", raise_if_not_found=False
        )
        if not (owner1 and tenant1 and licence):
            self.skipTest("demo data not loaded")
        other = self._notice(
            name="Other estate",
            project_id=self.env.ref("property_cs.demo_project_czy").id,
        )
        other._publish()
        for user in owner1 | tenant1:
            visible = self._visible(user)
            self.assertIn(licence, visible)
            self.assertNotIn(other, visible)
            self.assertFalse(visible.project_id - licence.project_id)
            with self.assertRaises(AccessError):
                other.with_user(user).read(["name"])

    def test_committee_member_acknowledges(self):
        self.notice_b.requires_ack = True
        ack = (
            self.env["property.notice.ack"]
            .with_user(self.portal_member)
            ._acknowledge(
                self.notice_b.with_user(self.portal_member), self.member_partner
            )
        )
        self.assertEqual(ack.role, "committee")
        self.assertFalse(ack.unit_id)

    def test_portal_list_queries_do_not_grow(self):
        """Listing the notices of a resident with their acknowledgement
        counts takes as many queries for 2 notices as for 10."""

        def count_queries():
            self.env.invalidate_all()
            Notice = self.Notice.with_user(self.portal_owner)
            before = self.env.cr.sql_log_count
            notices = Notice.search(Notice._portal_domain(self.owner_a))
            notices.mapped("ack_count")
            notices.sudo().mapped("category_id.name")
            return len(notices), self.env.cr.sql_log_count - before

        count_queries()  # warm the caches (access rules, fields)
        few, queries_few = count_queries()
        for index in range(8):
            self._notice(name=f"More {index}")._publish()
        many, queries_many = count_queries()
        self.assertEqual((few, many), (1, 9))
        self.assertEqual(queries_few, queries_many)


@tagged("post_install", "-at_install")
class TestNoticeOutage(NoticeCommon):
    """Planned outages create call tasks for the special-needs and
    life-support households of the buildings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant_a.is_life_support = True
        cls.owner_b.special_needs = "Wheelchair"
        cls.resident_a2 = cls.env["res.partner"].create(
            {"name": "Frail B2", "is_frail_alone": True}
        )
        cls.env["property.unit.partner"].create(
            {
                "unit_id": cls.unit_a4.id,
                "partner_id": cls.resident_a2.id,
                "role": "owner",
                "date_start": "2020-01-01",
            }
        )

    def _outage(self, buildings, start):
        return self._notice(
            name="Water off",
            category_id=self.cat_outage.id,
            building_ids=[Command.set(buildings.ids)],
            outage_type="water",
            outage_start=start,
            outage_end=start + timedelta(hours=4),
            date_until=(start + timedelta(days=1)).date(),
        )

    @freeze_time("2026-06-01 02:00:00")
    def test_outage_call_tasks(self):
        start = datetime(2026, 6, 4, 1, 0)  # 09:00 in Shanghai
        notice = self._outage(self.building_a, start)
        self._publish(notice)
        callbacks = notice.callback_ids
        self.assertEqual(callbacks.partner_id, self.tenant_a)
        self.assertEqual(callbacks.kind, "care")
        self.assertEqual(callbacks.state, "pending")
        self.assertEqual(callbacks.project_id, self.project_a)
        self.assertEqual(callbacks.date_due, start - timedelta(hours=24))
        self.assertIn("B1-102", callbacks.name)
        self.assertIn("2026-06-04 09:00", callbacks.name)
        self.assertEqual(notice.callback_count, 1)
        # the caller is an agent who may open it
        self.assertTrue(callbacks.user_id.has_group(GROUP % "agent"))
        self.assertTrue(callbacks.with_user(callbacks.user_id).read(["name"]))
        # nothing told about the needs themselves
        self.assertNotIn("life", callbacks.name.lower())
        # withdrawal cancels the open call tasks; publishing again recreates
        notice.with_user(self.supervisor).action_withdraw()
        self.assertEqual(callbacks.state, "cancelled")
        self._publish(notice)
        self.assertEqual(len(notice.callback_ids), 2)
        self.assertEqual(
            notice.callback_ids.filtered(lambda c: c.state == "pending").partner_id,
            self.tenant_a,
        )

    @freeze_time("2026-06-01 02:00:00")
    def test_whole_project_outage_and_soon(self):
        start = datetime(2026, 6, 1, 6, 0)  # in four hours
        notice = self._outage(self.env["property.building"], start)
        self._publish(notice)
        self.assertEqual(
            notice.callback_ids.partner_id, self.tenant_a | self.resident_a2
        )
        self.assertEqual(
            set(notice.callback_ids.mapped("date_due")), {datetime(2026, 6, 1, 2, 0)}
        )

    @freeze_time("2026-06-01 02:00:00")
    def test_outage_needs_period(self):
        notice = self._outage(self.building_a, datetime(2026, 6, 4, 1, 0))
        notice.outage_type = False
        with self.assertRaisesRegex(UserError, "utility and the period"):
            self._publish(notice)
        with self.assertRaises(ValidationError):
            notice.outage_end = datetime(2026, 6, 3, 1, 0)
        past = self._notice(
            category_id=self.cat_outage.id,
            outage_type="water",
            outage_start=datetime(2026, 5, 30, 1, 0),
            outage_end=datetime(2026, 5, 30, 5, 0),
            date_from=date(2026, 5, 29),
            date_until=date(2026, 6, 2),
        )
        with self.assertRaisesRegex(UserError, "already over"):
            self._publish(past)
