# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class PropertyWechatNonce(models.Model):
    """The nonces of the callbacks an account accepted: one seen again
    is a replayed request. Kept a day (far beyond any account's message
    age limit), then purged by the daily job."""

    _name = "property.wechat.nonce"
    _description = "WeChat Callback Nonce"
    _log_access = False

    account_id = fields.Many2one(
        "property.wechat.account", required=True, ondelete="cascade", index=True
    )
    nonce = fields.Char(required=True)
    create_date = fields.Datetime(readonly=True)

    _sql_constraints = [
        ("account_nonce_uniq", "unique(account_id, nonce)", "Nonce already seen.")
    ]

    @api.model
    def _cron_purge(self):
        """Forget nonces older than a day."""
        self.env.cr.execute(
            "DELETE FROM property_wechat_nonce WHERE create_date < %s",
            (fields.Datetime.now() - timedelta(days=1),),
        )
