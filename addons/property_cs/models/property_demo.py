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
