# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


class PropertyDemo(models.AbstractModel):
    """Hooks of the demo data only, called by the ``<function>`` records of
    demo/res_company_demo.xml (and of the survey addon's demo): nothing in
    the business models calls them."""

    _name = "property.demo"
    _description = "Property Demo Hooks"

    @api.model
    def _property_demo_load_terms(self, modules):
        """Called first by the demo files: the demo is a mainland company's,
        in Chinese. Odoo loads a module's translations only after its demo
        data, so the mails and copies the demo makes (acknowledgements,
        questionnaires) would be English: activate Chinese (when the
        database was not created with it) and load the terms of ``modules``
        now."""
        langs = ["zh_CN", "zh_TW"]
        inactive = (
            self.env["res.lang"]
            .with_context(active_test=False)
            .search([("code", "in", langs), ("active", "=", False)])
        )
        if inactive:
            self.env["base.language.install"].create(
                {"lang_ids": [Command.set(inactive.ids)], "overwrite": False}
            ).lang_install()
        self.env["ir.module.module"]._load_module_terms(modules, langs)
        return True

    @api.model
    def _property_demo_localize(self):
        """The demo company is in China, keeps its books in CNY and speaks
        Chinese in Shanghai time, as does its administrator. The chart of
        accounts sets the currency of its fiscal country: when ``account``
        has left its loading for the end of the installation, load it now,
        so that the currency set here stays."""
        company = self.env.ref("base.main_company")
        install_chart = getattr(self.env.registry, "_auto_install_template", None)
        if install_chart:
            install_chart(self.env)
            del self.env.registry._auto_install_template
        company.country_id = self.env.ref("base.cn")
        cny = self.env.ref("base.CNY")
        if company.currency_id != cny:
            self._property_demo_switch_currency(company, cny)
        company.partner_id.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        self.env.ref("base.user_admin").write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
        return True

    @api.model
    def _property_demo_switch_currency(self, company, currency):
        """Books can only change currency while they are empty; ``account``
        books its own demo entries in the default currency at its install.
        As Odoo does when a demo database changes its chart of accounts:
        remove those entries, change the currency and book them again."""
        moves = (
            self.env["account.move"]
            .sudo()
            .with_context(active_test=False)
            .search([("company_id", "=", company.id)])
        )
        account = self.env.ref("base.module_account")
        if moves and not account.demo:
            return False
        moves.with_context(**{MODULE_UNINSTALL_FLAG: True}).unlink()
        currency.active = True
        company.currency_id = currency
        if moves and company.chart_template:
            self.env["account.chart.template"]._install_demo(company)
        return True

    @api.model
    def _property_demo_billing(self, project_xmlid, months):
        """Bill the demo project for the last ``months`` months: the runs
        are queued as in production and processed here, in the install's
        transaction (no commit)."""
        project = self.env.ref(project_xmlid)
        today = fields.Date.context_today(self)
        first = today.replace(day=1)
        runs = self.env["property.billing.run"].create(
            [
                {
                    "project_id": project.id,
                    "period_start": first - relativedelta(months=offset),
                }
                for offset in range(months, 0, -1)
            ]
        )
        runs.action_queue()
        self.env["property.billing.chunk"]._work(time.monotonic() + 3600, commit=False)
        return True

    @api.model
    def _property_demo_collection(self, project_xmlid):
        """Settle the demo project's bills at the desk (cash, WeChat, Alipay
        and bank-card journals) except those of nine units, take three
        prepayments, open the nine units' collection cases and take them
        to every step: a reminder, a
        written notice, a promise kept, a promise awaited, a promise broken,
        a visit, a lawyer's letter and a court case; one case waits on the
        owner's open complaint."""
        project = self.env.ref(project_xmlid)
        self = self.with_context(lang=project.company_id._property_lang())
        moves = self.env["account.move"].search(
            [
                ("property_project_id", "=", project.id),
                ("property_billing_run_id", "!=", False),
                ("state", "=", "posted"),
            ]
        )
        complaint_units = (
            self.env["property.ticket"]
            .search(
                [("kind", "=", "complaint"), ("state", "not in", ("done", "closed"))]
            )
            .unit_id
        )
        units = moves.property_unit_id.sorted("id")
        clean = units - complaint_units
        debtors = clean[:9] | (units & complaint_units)[:1]
        to_pay = moves.filtered(lambda m: m.property_unit_id not in debtors)
        journals = self._property_demo_desk_journals()
        payers = to_pay.partner_id.sorted("id")
        for index, journal in enumerate(journals):
            mine = to_pay.filtered(
                lambda m, i=index: (
                    payers.ids.index(m.partner_id.id) % len(journals) == i
                )
            )
            if mine:
                self.env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=mine.ids
                ).create(
                    {"group_payment": True, "journal_id": journal.id}
                )._create_payments()
        # three owners pay ahead at the desk: 3, 6 and 12 months
        for unit, months in zip(
            (to_pay.property_unit_id - debtors).sorted("id")[:3],
            (3, 6, 12),
            strict=False,
        ):
            payer = to_pay.filtered(lambda m, u=unit: m.property_unit_id == u)[
                :1
            ].partner_id
            monthly = unit._property_monthly_fees(payer)
            if monthly:
                payment = self.env["account.payment"].create(
                    {
                        "payment_type": "inbound",
                        "partner_type": "customer",
                        "partner_id": payer.id,
                        "amount": round(monthly * months, 2),
                        "journal_id": journals[months % len(journals)].id,
                        "property_unit_id": unit.id,
                        "memo": f"预存物业费 {months} 个月",
                    }
                )
                payment.action_post()
        Case = self.env["property.collection.case"]
        Case._cron_collection_pass()
        cases = Case.search([("project_id", "=", project.id)], order="unit_id")
        now = fields.Datetime.now()
        today = self.env["property.unit.partner"]._property_today()
        ladders = [
            [],
            ["reminder"],
            ["reminder", "notice"],
            ["reminder", "notice", "call:promised"],
            ["reminder", "promise:kept"],
            ["reminder", "notice", "call:promise_broken"],
            ["reminder", "notice", "call", "visit"],
            ["reminder", "notice", "call", "visit", "lawyer"],
            ["reminder", "notice", "call", "visit", "lawyer", "litigation"],
        ]
        channels = {
            "reminder": ("sms", "短信平台回执：已送达"),
            "notice": ("letter", "业主本人签收，签收单已扫描存档"),
            "call": ("phone", "通话录音编号 REC-2026-0815"),
            "visit": ("visit", "上门面谈，业主签字确认欠费金额"),
            "lawyer": (
                "lawyer",
                "律师函已由律师事务所以挂号信寄出，挂号单号 XA1234567",
            ),
            "litigation": ("court", "已向人民法院提交起诉材料，立案回执存档"),
        }
        for case, ladder in zip(
            cases.filtered(lambda c: c.complaint_count == 0), ladders, strict=False
        ):
            case.date_open = today - relativedelta(days=12 * len(ladder) + 5)
            case.action_acknowledge_service()
            for index, entry in enumerate(ladder):
                step, _sep, outcome = entry.partition(":")
                date = now - relativedelta(days=12 * (len(ladder) - index))
                if step == "promise":
                    self._property_demo_promise(case, "reminder", date, keep=True)
                    continue
                if outcome in ("promised", "promise_broken"):
                    self._property_demo_promise(
                        case, step, date, keep=False, broken=outcome == "promise_broken"
                    )
                    continue
                channel, evidence = channels[step]
                self.env["property.collection.attempt"].create(
                    {
                        "case_id": case.id,
                        "step": step,
                        "channel": channel,
                        "date": date,
                        "outcome": "refused" if step == "visit" else "delivered",
                        "evidence": evidence,
                        "note": "业主表示近期资金紧张" if step == "visit" else False,
                    }
                )
        # the owner with an open complaint: reminded and noticed, then held
        for case in cases.filtered("complaint_count"):
            for index, step in enumerate(("reminder", "notice")):
                channel, evidence = channels[step]
                self.env["property.collection.attempt"].create(
                    {
                        "case_id": case.id,
                        "step": step,
                        "channel": channel,
                        "date": now - relativedelta(days=20 - 10 * index),
                        "outcome": "disputed",
                        "evidence": evidence,
                        "note": "业主称电梯多次故障未修好，对服务不满",
                    }
                )
        return True

    @api.model
    def _property_demo_desk_journals(self):
        """Cash and the demo's WeChat, Alipay and bank-card journals."""
        journals = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.env.company.id)], limit=1
        )
        for xmlid in (
            "demo_journal_wechat",
            "demo_journal_alipay",
            "demo_journal_card",
        ):
            journal = self.env.ref(f"property_cs.{xmlid}", raise_if_not_found=False)
            if journal:
                journals |= journal
        return journals

    @api.model
    def _property_demo_promise(self, case, step, date, keep=False, broken=False):
        """A promise to pay on a demo case: kept by a payment, broken at
        its date, or still awaited."""
        today = self.env["property.unit.partner"]._property_today()
        amount = round(case.amount_due / 2, 2)
        promise = self.env["property.collection.attempt"].create(
            {
                "case_id": case.id,
                "step": step,
                "channel": "phone",
                "date": date,
                "outcome": "promised",
                "promise_date": today + relativedelta(days=0 if broken else 7),
                "promise_amount": amount,
                "note": "业主承诺分期缴纳",
            }
        )
        if keep:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=case.invoice_ids.ids
            ).create({"amount": amount, "group_payment": True})._create_payments()
        elif broken:
            promise._promise_due()
        return promise
