# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .fundreg_common import FundregCommon


def day(y, m, d):
    """10:00 in Shanghai on that day."""
    return datetime(y, m, d, 2, 0, 0)


@tagged("post_install", "-at_install")
class TestServiceContract(FundregCommon):
    """The service contract's calendar (G5, D-23): reminders as to-dos of
    a daily job, each once per period, at the project's cadence."""

    def _contract(self, activate=True, **vals):
        values = {
            "name": "OG service contract",
            "project_id": self.project_a.id,
            "committee_id": self.committee_a.id,
            "date_signed": date(2025, 12, 20),
            "date_start": date(2026, 1, 1),
            "date_end": date(2028, 12, 31),
            "document_ids": [Command.set(self._attachment().ids)],
        }
        values.update(vals)
        contract = (
            self.env["property.service.contract"].with_user(self.manager).create(values)
        )
        if activate:
            contract.action_activate()
        return contract

    def _run(self, when):
        with freeze_time(when):
            self.env["property.service.contract"]._cron_contract_calendar()

    def _fired(self, contract, kind=None):
        reminders = contract.reminder_ids
        return reminders.filtered(lambda r: r.kind == kind) if kind else reminders

    def test_calendar_dates(self):
        """Renewal talks 3 months before the end, the company's notice of
        non-renewal 90 days before (Art. 947), the owners' notice of
        dismissal 60 days before (Art. 946); none without a fixed term."""
        contract = self._contract(date_end=date(2027, 6, 30))
        self.assertEqual(contract.date_renewal_talks, date(2027, 3, 30))
        self.assertEqual(contract.date_company_notice, date(2027, 4, 1))
        self.assertEqual(contract.date_owner_notice, date(2027, 5, 1))
        self.project_a.contract_renewal_months = 6
        self.assertEqual(contract.date_renewal_talks, date(2026, 12, 30))
        open_ended = self._contract(activate=False, date_end=False)
        self.assertFalse(open_ended.date_company_notice)
        self.assertEqual(contract.user_id, self.manager)
        self.assertEqual(self.project_a.service_contract_end, date(2027, 6, 30))
        contract.date_end = date(2027, 12, 31)
        self.assertEqual(self.project_a.service_contract_end, date(2027, 12, 31))
        open_ended.date_end = date(2040, 1, 1)  # a draft does not count
        self.assertEqual(self.project_a.service_contract_end, date(2027, 12, 31))

    def test_quarterly_report_once_per_quarter(self):
        contract = self._contract()
        self._run(day(2026, 3, 31))
        self.assertFalse(self._fired(contract))
        self._run(day(2026, 4, 1))
        report = self._fired(contract, "report")
        self.assertEqual(report.period, "2026-Q1")
        self.assertEqual(report.date_deadline, date(2026, 4, 15))
        self.assertEqual(report.activity_id.user_id, self.manager)
        self.assertEqual(report.activity_id.date_deadline, date(2026, 4, 15))
        self.assertIn("2026-Q1", report.activity_id.summary)
        self._run(day(2026, 4, 1))
        self._run(day(2026, 4, 10))
        self.assertEqual(len(self._fired(contract, "report")), 1)
        self._run(day(2026, 7, 1))
        self.assertEqual(
            sorted(self._fired(contract, "report").mapped("period")),
            ["2026-Q1", "2026-Q2"],
        )

    def test_half_yearly_setting_and_catch_up(self):
        """Half-yearly reports; a day missed by the job is caught up until
        the report is due, never after."""
        self.project_a.contract_report_cadence = "half_yearly"
        self.project_a.contract_report_days = 20
        contract = self._contract()
        self._run(day(2026, 4, 1))
        self.assertFalse(self._fired(contract, "report"))
        self._run(day(2026, 7, 8))
        report = self._fired(contract, "report")
        self.assertEqual(report.period, "2026-H1")
        self.assertEqual(report.date_deadline, date(2026, 7, 20))
        late = self._contract(
            date_start=date(2029, 1, 1), date_end=date(2030, 12, 31), name="Next"
        )
        self._run(day(2029, 7, 25))
        self.assertFalse(self._fired(late, "report"))

    def test_year_end_plan_and_budget(self):
        contract = self._contract()
        self._run(day(2026, 11, 30))
        self.assertFalse(self._fired(contract, "plan"))
        self._run(day(2026, 12, 1))
        plan = self._fired(contract, "plan")
        self.assertEqual(plan.period, "2027")
        self.assertEqual(plan.date_deadline, date(2026, 12, 31))
        self._run(day(2026, 12, 15))
        self.assertEqual(len(self._fired(contract, "plan")), 1)
        # no plan for a year after the contract
        self._run(day(2028, 12, 1))
        self.assertFalse(
            self._fired(contract, "plan").filtered(lambda r: r.period == "2029")
        )

    def test_renewal_talks_and_notice_dates(self):
        """Renewal talks 3 months ahead; the statutory notice dates 14 days
        ahead (project setting); each once for the contract's end."""
        contract = self._contract(date_end=date(2027, 6, 30))
        self._run(day(2027, 3, 17))
        self.assertFalse(self._fired(contract).filtered(lambda r: r.kind != "report"))
        self._run(day(2027, 3, 18))
        notice = self._fired(contract, "company_notice")
        self.assertEqual(notice.date_deadline, date(2027, 4, 1))
        self.assertIn("2027-04-01", notice.summary)
        self._run(day(2027, 3, 30))
        renewal = self._fired(contract, "renewal")
        self.assertEqual(renewal.activity_id.user_id, self.manager)
        self.assertIn("2027-06-30", renewal.summary)
        self._run(day(2027, 4, 17))
        owner_notice = self._fired(contract, "owner_notice")
        self.assertEqual(owner_notice.date_deadline, date(2027, 5, 1))
        for when in (day(2027, 4, 18), day(2027, 5, 1), day(2027, 6, 1)):
            self._run(when)
        for kind in ("company_notice", "renewal", "owner_notice"):
            self.assertEqual(len(self._fired(contract, kind)), 1, kind)
        # the contract past its end is ended by the job, without reminders
        self._run(day(2027, 7, 2))
        self.assertEqual(contract.state, "ended")

    def test_renewal_months_setting(self):
        self.project_a.contract_renewal_months = 6
        contract = self._contract(date_end=date(2027, 6, 30))
        self._run(day(2026, 12, 29))
        self.assertFalse(self._fired(contract, "renewal"))
        self._run(day(2026, 12, 30))
        self.assertEqual(len(self._fired(contract, "renewal")), 1)

    def test_dismissal_notice(self):
        """The owners' dismissal ends the contract 60 days after their
        notice (Art. 946); the handover is prepared (Art. 949)."""
        contract = self._contract()
        with freeze_time(day(2026, 5, 4)):
            contract.action_record_dismissal()
        self.assertEqual(contract.state, "notice")
        self.assertEqual(contract.date_termination, date(2026, 7, 3))
        handover = self._fired(contract, "handover")
        self.assertEqual(handover.date_deadline, date(2026, 7, 3))
        self.assertEqual(self.project_a.service_contract_end, date(2026, 7, 3))
        self._run(day(2026, 5, 5))
        self.assertEqual(len(self._fired(contract, "handover")), 1)
        self._run(day(2026, 7, 4))
        self.assertEqual(contract.state, "ended")

    def test_filing_with_the_authority(self):
        """Once in force, the signed contract is filed with the housing
        authority within the project's days (30); the reminder fires once
        and not at all when the filing date is recorded."""
        with freeze_time(day(2025, 12, 22)):
            contract = self._contract()
            self.env["property.service.contract"]._cron_contract_calendar()
        filing = self._fired(contract, "filing")
        self.assertEqual(filing.date_deadline, date(2026, 1, 19))
        self.assertIn("2026-01-19", filing.summary)
        self._run(day(2026, 1, 5))
        self.assertEqual(len(self._fired(contract, "filing")), 1)
        self.project_a.contract_filing_days = 15
        other = self._contract(
            name="Next",
            date_signed=date(2028, 12, 1),
            date_start=date(2029, 1, 1),
            date_end=date(2031, 12, 31),
            date_filed_authority=date(2028, 12, 3),
        )
        self._run(day(2028, 12, 5))
        self.assertFalse(self._fired(other, "filing"))

    def test_activation_checks(self):
        contract = self._contract(activate=False, document_ids=[])
        with self.assertRaisesRegex(UserError, "signed contract"):
            contract.action_activate()
        contract.document_ids = [Command.set(self._attachment().ids)]
        contract.action_activate()
        second = self._contract(
            activate=False, date_start=date(2028, 1, 1), date_end=date(2030, 12, 31)
        )
        with self.assertRaises(ValidationError):
            second.action_activate()
        with self.assertRaises(ValidationError):
            self._contract(activate=False, date_end=date(2025, 1, 1))
        with self.assertRaisesRegex(UserError, "buttons"):
            contract.write({"state": "ended"})

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_access_per_group(self):
        """Project managers keep the contract; customer service and finance
        read it; head office reads all; portal users nothing."""
        contract = self._contract()
        other = self.env["property.service.contract"].create(
            {
                "name": "RV contract",
                "project_id": self.project_b.id,
                "date_start": date(2026, 1, 1),
            }
        )
        Contract = self.env["property.service.contract"]
        for role in ("agent", "finance", "manager"):
            found = Contract.with_user(self.users[role]).search([])
            self.assertIn(contract, found, role)
            self.assertNotIn(other, found, role)
        self.assertIn(other, Contract.with_user(self.users["head_office"]).search([]))
        with self.assertRaises(AccessError):
            contract.with_user(self.agent).write({"note": "x"})
        with self.assertRaises(AccessError):
            contract.with_user(self.agent).action_end()
        with self.assertRaises(AccessError):
            Contract.with_user(self.users["department"]).search([])
        with self.assertRaises(AccessError):
            Contract.with_user(self.portal_owner).search([])
        self._run(day(2026, 4, 1))
        reminders = self.env["property.service.contract.reminder"]
        self.assertTrue(reminders.with_user(self.agent).search([]))
        with self.assertRaises(AccessError):
            reminders.with_user(self.portal_owner).search([])
