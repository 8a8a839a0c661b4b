# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import html2plaintext
from odoo.tools.misc import format_date

from .property_ticket_wechat import WECHAT_CHANNELS

SUMMARY_CHARS = 300  # of the notice's text, in a WeChat message


class PropertyNotice(models.Model):
    """A published notice announced in WeChat (D-14: information flows
    freely): every owner, tenant or resident of its audience who bound a
    WeChat of an account serving the project, and prefers WeChat or named
    no channel, gets its title, period and beginning with a link to the
    whole notice in the portal; as a template message when they have not
    written within 48 hours."""

    _inherit = "property.notice"

    def _on_publish(self):
        res = super()._on_publish()
        self._wechat_announce()
        return res

    def _wechat_announce(self):
        """Queue one WeChat message per bound member of each notice's
        audience (one query for the bindings of a whole project)."""
        Binding = self.env["property.wechat.binding"].sudo()
        Account = self.env["property.wechat.account"]
        vals_list = []
        for notice in self.sudo():
            partners = notice._audience_links().partner_id.filtered(
                lambda p: p.preferred_channel in WECHAT_CHANNELS
            )
            accounts = Account._wechat_accounts_for(notice.project_id)
            if not partners or not accounts:
                continue
            bindings = Binding.search(
                [
                    ("partner_id", "in", partners.ids),
                    ("state", "=", "bound"),
                    ("account_id", "in", accounts.ids),
                ]
            )
            url = f"{notice.get_base_url()}/my/notices/{notice.id}"
            messages = {}
            for binding in bindings:
                lang = (
                    binding.partner_id.lang
                    or notice.company_id.partner_id.lang
                    or "zh_CN"
                )
                if lang not in messages:
                    messages[lang] = notice.with_context(lang=lang)._wechat_text()
                text, values = messages[lang]
                vals_list.append(
                    {
                        "account_id": binding.account_id.id,
                        "company_id": binding.company_id.id,
                        "openid": binding.openid,
                        "body": text,
                        "partner_id": binding.partner_id.id,
                        "purpose": "notice",
                        "template_values": values,
                        "url": url,
                    }
                )
        return self.env["property.wechat.outbox"]._queue_many(vals_list)

    def _wechat_text(self):
        """The notice in a WeChat message, in the context's language: (text,
        the values of a template message)."""
        self.ensure_one()
        env = self.env
        period = format_date(env, self.date_from)
        if self.date_until:
            period = f"{period} - {format_date(env, self.date_until)}"
        summary = " ".join(html2plaintext(self.body or "").split())
        if len(summary) > SUMMARY_CHARS:
            summary = summary[: SUMMARY_CHARS - 1] + "…"
        text = env._(
            "Notice of %(project)s: %(title)s (%(period)s)\n%(summary)s",
            project=self.project_id.name,
            title=self.name,
            period=period,
            summary=summary,
        )
        values = {
            "title": self.name,
            "project": self.project_id.name,
            "time": period,
            "summary": summary,
            "status": env._("Published"),
        }
        return text.strip(), values
