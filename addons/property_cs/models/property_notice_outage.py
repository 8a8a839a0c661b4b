# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .constants import GROUP_AGENT, GROUP_SPECIAL_NEEDS, OPEN_CALLBACK_STATES

OUTAGE_TYPES = [
    ("water", "Water"),
    ("power", "Power"),
    ("elevator", "Elevator"),
    ("gas", "Gas"),
    ("heating", "Heating"),
]


class PropertyNotice(models.Model):
    """Planned outage notices (issue 14, D-5): water, power, elevator or gas
    off in some buildings for a period. Publishing one creates a call task
    (a key-customer care callback) for each special-needs or life-support
    household of those buildings, due the project's lead time before the
    outage; withdrawing the notice cancels the open ones."""

    _inherit = "property.notice"

    outage_type = fields.Selection(OUTAGE_TYPES, tracking=True)
    outage_start = fields.Datetime(string="Outage From", tracking=True)
    outage_end = fields.Datetime(string="Outage Until", tracking=True)
    callback_ids = fields.One2many(
        "property.callback", "notice_id", string="Call Tasks", readonly=True
    )
    callback_count = fields.Integer(compute="_compute_callback_count")

    def _compute_callback_count(self):
        data = dict(
            self.env["property.callback"]
            .sudo()
            ._read_group([("notice_id", "in", self.ids)], ["notice_id"], ["__count"])
        )
        for notice in self:
            notice.callback_count = data.get(notice, 0)

    @api.constrains("outage_start", "outage_end")
    def _check_outage_period(self):
        for notice in self:
            if (
                notice.outage_start
                and notice.outage_end
                and notice.outage_end <= notice.outage_start
            ):
                raise ValidationError(
                    self.env._(
                        "The outage of notice %(notice)s must end after it starts.",
                        notice=notice.name,
                    )
                )

    @api.onchange("outage_end")
    def _onchange_outage_end(self):
        """An outage notice stays on display until the outage is over."""
        if self.kind == "outage" and self.outage_end:
            end = self._outage_local(self.outage_end).date()
            if not self.date_until or self.date_until < end:
                self.date_until = end

    def _outage_local(self, value):
        tz = self.project_id.tz or "Asia/Shanghai"
        return fields.Datetime.context_timestamp(self.with_context(tz=tz), value)

    def _check_publish_extra(self):
        """An outage notice gives the utility and a period that has not
        ended, and is on display before the outage starts."""
        res = super()._check_publish_extra()
        if self.kind != "outage":
            return res
        if not (self.outage_type and self.outage_start and self.outage_end):
            raise UserError(
                self.env._(
                    "Give the utility and the period of the outage of notice "
                    "%(notice)s.",
                    notice=self.name,
                )
            )
        if self.outage_end <= fields.Datetime.now():
            raise UserError(
                self.env._(
                    "The outage of notice %(notice)s is already over.", notice=self.name
                )
            )
        if self.date_from > self._outage_local(self.outage_start).date():
            raise UserError(
                self.env._(
                    "Notice %(notice)s must be on display before the outage starts.",
                    notice=self.name,
                )
            )
        return res

    def _on_publish(self):
        res = super()._on_publish()
        self.filtered(lambda n: n.kind == "outage")._create_outage_call_tasks()
        return res

    def _on_withdraw(self):
        res = super()._on_withdraw()
        callbacks = self.sudo().callback_ids.filtered(
            lambda c: c.state in OPEN_CALLBACK_STATES
        )
        if callbacks:
            callbacks._workflow_write({"state": "cancelled"})
            for callback in callbacks:
                callback.message_post(
                    body=callback.notice_id._company_env()._(
                        "Cancelled: the outage notice was withdrawn."
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return res

    # ------------------------------------------------------------------
    # CALL TASKS (D-5)
    # ------------------------------------------------------------------
    def _outage_households(self):
        """{unit: partner} for the units addressed by the notice with a
        current resident in the special-needs ledger (special needs, life
        support, frail living alone); life-support residents first."""
        self.ensure_one()
        links = self._audience_links().filtered(
            lambda link: link.partner_id.has_special_needs
        )
        households = {}
        for link in links.sorted(
            lambda link: (not link.partner_id.is_life_support, link.role_sequence)
        ):
            households.setdefault(link.unit_id, link.partner_id)
        return households

    def _outage_callers(self):
        """Who calls: the project's agents who are also special-needs
        officers (they know the households' needs), else its manager, else
        the publisher."""
        self.ensure_one()
        officer = self.env.ref(GROUP_SPECIAL_NEEDS)
        agent = self.env.ref(GROUP_AGENT)
        project = self.project_id.sudo()
        officers = project.user_ids.filtered(
            lambda user: (
                user.active and officer in user.groups_id and agent in user.groups_id
            )
        )
        return officers or project.manager_id or self.env.user

    def _create_outage_call_tasks(self):
        """One call task per special-needs household of the buildings (no
        second one for the same notice and partner), due the project's lead
        time before the outage, or now when it starts sooner."""
        Callback = self.env["property.callback"].sudo()
        created = Callback
        now = fields.Datetime.now()
        for notice in self:
            households = notice._outage_households()
            if not households:
                continue
            done = set(
                notice.sudo()
                .callback_ids.filtered(lambda c: c.state != "cancelled")
                .partner_id.ids
            )
            callers = notice._outage_callers()
            lead = timedelta(hours=notice.project_id.notice_outage_call_hours)
            due = max(now, notice.outage_start - lead)
            env = notice._company_env()
            kind = dict(notice._fields["outage_type"]._description_selection(env)).get(
                notice.outage_type, ""
            )
            start = notice._outage_local(notice.outage_start)
            end = notice._outage_local(notice.outage_end)
            end_format = "%H:%M" if end.date() == start.date() else "%Y-%m-%d %H:%M"
            period = f"{start.strftime('%Y-%m-%d %H:%M')} – {end.strftime(end_format)}"
            vals_list = []
            for index, (unit, partner) in enumerate(households.items()):
                if partner.id in done:
                    continue
                vals_list.append(
                    {
                        "name": env._(
                            "Outage call: %(kind)s off %(period)s, %(unit)s",
                            kind=kind,
                            period=period,
                            unit=unit.complete_name,
                        ),
                        "company_id": notice.company_id.id,
                        "project_id": notice.project_id.id,
                        "partner_id": partner.id,
                        "kind": "care",
                        "notice_id": notice.id,
                        "user_id": callers[index % len(callers)].id,
                        "date_due": due,
                    }
                )
            callbacks = Callback.create(vals_list)
            for callback in callbacks:
                callback.message_post(
                    body=env._(
                        "Tell the household about the planned outage (%(kind)s, "
                        "%(period)s) of notice %(notice)s and agree on any help "
                        "they need.",
                        kind=kind,
                        period=period,
                        notice=notice.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            if callbacks:
                notice.message_post(
                    body=env._(
                        "%(count)s call task(s) created for the special-needs "
                        "households of the buildings.",
                        count=len(callbacks),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            created |= callbacks
        return created

    def action_view_callbacks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call Tasks"),
            "res_model": "property.callback",
            "view_mode": "list,form",
            "domain": [("notice_id", "=", self.id)],
        }
