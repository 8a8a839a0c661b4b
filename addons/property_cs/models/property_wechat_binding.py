# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

CODE_MINUTES = 10
BIND_ATTEMPTS = 5  # bind commands per sender and hour
BIND_RE = re.compile(r"^\s*(?:绑定|綁定|bind)\s*(\d{6})\s*$", re.IGNORECASE)
UNBIND_RE = re.compile(r"^\s*(?:解绑|解綁|unbind)\s*$", re.IGNORECASE)


class PropertyWechatBinding(models.Model):
    """An owner's WeChat (the OpenID of one Official Account) bound to
    their portal login: the owner asks for a one-time code on their portal
    page and sends it to the account; unbound from the portal, by sending
    "解绑", or by an administrator. Only a bound sender is a verified
    sender (D-14)."""

    _name = "property.wechat.binding"
    _description = "WeChat Binding"
    _inherit = ["mail.thread"]
    _order = "date_bound desc, id desc"
    _rec_name = "partner_id"

    account_id = fields.Many2one(
        "property.wechat.account", required=True, readonly=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, readonly=True, index=True
    )
    openid = fields.Char(string="OpenID", readonly=True, index=True, copy=False)
    code = fields.Char(readonly=True, copy=False, groups="base.group_system")
    date_code_expiry = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("pending", "Waiting for the Code"),
            ("bound", "Bound"),
            ("unbound", "Unbound"),
        ],
        default="pending",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_bound = fields.Datetime(string="Bound On", readonly=True, copy=False)
    date_unbound = fields.Datetime(string="Unbound On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "openid_bound_uniq",
            "EXCLUDE (account_id WITH =, openid WITH =) WHERE (state = 'bound')",
            "This WeChat account is bound already.",
        )
    ]

    @api.model
    def _portal_accounts(self, partner):
        """The Official Accounts ``partner`` may bind to: those of the
        projects of their current units (an account without projects
        serves its whole company)."""
        units = self.env["property.unit.partner"]._portal_current_units(partner)
        accounts = self.env["property.wechat.account"].sudo().search([])
        return accounts.filtered(
            lambda a: (
                a.company_id in units.company_id
                and (not a.project_ids or a.project_ids & units.project_id)
            )
        )

    @api.model
    def _portal_new_code(self, partner, account):
        """A one-time code for ``partner`` to send to ``account`` (valid
        CODE_MINUTES minutes; a new code replaces the pending one)."""
        if account not in self._portal_accounts(partner):
            raise UserError(
                self.env._("This Official Account does not serve your home.")
            )
        Binding = self.sudo()
        Binding.search(
            [
                ("partner_id", "=", partner.id),
                ("account_id", "=", account.id),
                ("state", "=", "pending"),
            ]
        ).unlink()
        code = f"{secrets.randbelow(10**6):06d}"
        return Binding.create(
            {
                "account_id": account.id,
                "partner_id": partner.id,
                "code": code,
                "date_code_expiry": fields.Datetime.now()
                + timedelta(minutes=CODE_MINUTES),
            }
        ), code

    def _unbind(self, by):
        """Unbind these bindings; ``by`` says who did it (chatter)."""
        bound = self.filtered(lambda b: b.state == "bound")
        bound.sudo().write({"state": "unbound", "date_unbound": fields.Datetime.now()})
        # written now: a binding of the same WeChat may follow in this
        # transaction (one bound binding per WeChat, a database constraint)
        bound.flush_recordset(["state"])
        for binding in bound:
            binding.sudo().message_post(
                body=self.env._("Unbound by %(who)s.", who=by),
                subtype_xmlid="mail.mt_note",
            )
        return bool(bound)

    def action_unbind(self):
        """An administrator unbinds an owner's WeChat."""
        self.check_access("write")
        return self._unbind(self.env.user.name)

    @api.model
    def _portal_unbind(self, partner, binding_id):
        binding = self.sudo().browse(binding_id).exists()
        if not binding or binding.partner_id != partner:
            raise UserError(self.env._("This binding is not yours."))
        return binding._unbind(partner.name)

    @api.model
    def _wechat_command(self, message):
        """Handle a bind or unbind command in ``message`` (a text sent to
        the account); returns True when it was one. A code is good once,
        for its account, until it expires."""
        text = message.content or ""
        if message.msg_type != "text":
            return False
        match = BIND_RE.match(text)
        Binding = self.sudo()
        if match:
            if self._bind_attempts(message) > BIND_ATTEMPTS:
                # guessing codes: ignored for the rest of the hour
                return True
            pending = Binding.search(
                [
                    ("account_id", "=", message.account_id.id),
                    ("state", "=", "pending"),
                    ("code", "=", match.group(1)),
                    ("date_code_expiry", ">=", fields.Datetime.now()),
                ],
                limit=1,
            )
            if pending:
                Binding.search(
                    [
                        ("account_id", "=", message.account_id.id),
                        ("openid", "=", message.openid),
                        ("state", "=", "bound"),
                    ]
                )._unbind(pending.partner_id.name)
                pending.write(
                    {
                        "openid": message.openid,
                        "state": "bound",
                        "date_bound": fields.Datetime.now(),
                        "code": False,
                    }
                )
            return True
        if UNBIND_RE.match(text):
            Binding.search(
                [
                    ("account_id", "=", message.account_id.id),
                    ("openid", "=", message.openid),
                    ("state", "=", "bound"),
                ]
            )._unbind(self.env._("the owner, in WeChat"))
            return True
        return False

    @api.model
    def _bind_attempts(self, message):
        """Bind commands the sender sent to the account in the last hour,
        this one included: more than BIND_ATTEMPTS and the codes would be
        guessed (a million codes, a few open at a time)."""
        since = fields.Datetime.now() - timedelta(hours=1)
        candidates = (
            self.env["property.wechat.message"]
            .sudo()
            .search(
                [
                    ("account_id", "=", message.account_id.id),
                    ("openid", "=", message.openid),
                    ("msg_type", "=", "text"),
                    ("create_date", ">=", since),
                ]
            )
        )
        return len(candidates.filtered(lambda m: BIND_RE.match(m.content or "")))

    @api.model
    def _partner_of(self, account, openid):
        """The owner bound to ``openid`` on ``account`` (else empty)."""
        return (
            self.sudo()
            .search(
                [
                    ("account_id", "=", account.id),
                    ("openid", "=", openid),
                    ("state", "=", "bound"),
                ],
                limit=1,
            )
            .partner_id
        )
