# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount, format_date

from .constants import (
    COLLECTION_CHANNELS,
    COLLECTION_DEMAND_OUTCOMES,
    COLLECTION_OUTCOMES,
    COLLECTION_STEPS,
)

PROMISE_STATES = [
    ("pending", "Awaited"),
    ("kept", "Kept"),
    ("broken", "Broken"),
]
# steps whose proof is a document: a signed receipt, a postal slip, the
# lawyer's letter, the court's filing
EVIDENCE_STEPS = ("notice", "lawyer", "litigation")


class PropertyCollectionAttempt(models.Model):
    """One contact with a payer about their arrears (D-21, E3): the step,
    channel, time, person, outcome and the evidence, kept as recorded
    (never edited: the record is the proof of the demand). An attempt
    whose outcome is a promise to pay is an obligation on the deadline
    engine, due at the end of the promised day in the project's time
    zone: kept as soon as the promised amount is paid, broken at its
    date otherwise (the case resumes)."""

    _name = "property.collection.attempt"
    _description = "Collection Attempt"
    _order = "date desc, id desc"

    case_id = fields.Many2one(
        "property.collection.case", required=True, index=True, ondelete="cascade"
    )
    unit_id = fields.Many2one(related="case_id.unit_id", store=True)
    project_id = fields.Many2one(related="case_id.project_id", store=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True)
    partner_id = fields.Many2one(related="case_id.partner_id", string="Payer")
    currency_id = fields.Many2one(related="case_id.currency_id")
    step = fields.Selection(COLLECTION_STEPS, required=True)
    channel = fields.Selection(COLLECTION_CHANNELS, required=True)
    date = fields.Datetime(string="When", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, default=lambda self: self.env.user
    )
    outcome = fields.Selection(COLLECTION_OUTCOMES, required=True)
    is_demand = fields.Boolean(
        compute="_compute_is_demand",
        store=True,
        help="The demand reached the payer: it interrupts the limitation period.",
    )
    note = fields.Text(help="What was said or agreed.")
    evidence = fields.Text(
        help="The proof: who signed the receipt, the postal tracking number, "
        "the call recording's reference."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "property_collection_attempt_attachment_rel",
        "attempt_id",
        "attachment_id",
        string="Evidence Files",
    )
    message_id = fields.Many2one("mail.message", string="Message Sent", readonly=True)
    promise_date = fields.Date(string="Promised By")
    promise_amount = fields.Monetary(currency_field="currency_id")
    promise_balance = fields.Monetary(
        string="Owed When Promised",
        currency_field="currency_id",
        readonly=True,
    )
    promise_state = fields.Selection(PROMISE_STATES, readonly=True, index=True)

    @api.depends("outcome")
    def _compute_is_demand(self):
        for attempt in self:
            attempt.is_demand = attempt.outcome in COLLECTION_DEMAND_OUTCOMES

    @api.constrains("outcome", "promise_date", "promise_amount", "step", "evidence")
    def _check_attempt(self):
        for attempt in self:
            if attempt.outcome == "promised" and (
                not attempt.promise_date or attempt.promise_amount <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "A promise to pay needs the date and the amount promised."
                    )
                )
            if (
                attempt.step in EVIDENCE_STEPS
                and attempt.outcome != "no_contact"
                and not (attempt.evidence or attempt.attachment_ids)
            ):
                raise ValidationError(
                    self.env._(
                        "A written notice, a lawyer's letter or a court filing is "
                        "recorded with its evidence: a note of the proof or a file."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Record attempts: each step must be allowed on its case (order,
        service matters, hold, who may escalate); a promise notes what
        is owed and starts its deadline; the case moves on."""
        Case = self.env["property.collection.case"]
        # the form sends neither its read-only case nor the proposed step:
        # they come from the context's defaults, read before the checks
        vals_list = [self._add_missing_default_values(vals) for vals in vals_list]
        for vals in vals_list:
            case = Case.browse(vals.get("case_id"))
            case.check_access("write")
            case._check_step_allowed(vals.get("step"))
            if vals.get("outcome") == "promised":
                amount = vals.get("promise_amount") or 0.0
                if amount > case.amount_due + 0.005:
                    raise UserError(
                        self.env._("The promise is more than what is owed.")
                    )
                if (
                    vals.get("promise_date")
                    and fields.Date.to_date(vals["promise_date"])
                    < self.env["property.unit.partner"]._property_today()
                ):
                    raise UserError(
                        self.env._("A promise to pay is for a day to come.")
                    )
                vals.update(promise_state="pending", promise_balance=case.amount_due)
        attempts = super().create(vals_list)
        for case in attempts.case_id:
            case._register_attempts(attempts.filtered(lambda a, c=case: a.case_id == c))
        promises = attempts.filtered(lambda a: a.promise_state == "pending")
        self.env["property.deadline"]._deadline_sync(promises, created=True)
        return attempts

    def _summary(self):
        """One line for the case's chatter, in the current language."""
        self.ensure_one()
        env = self.env

        def label(field):
            return dict(self._fields[field]._description_selection(env))[self[field]]

        text = env._(
            "%(step)s by %(channel)s: %(outcome)s.",
            step=label("step"),
            channel=label("channel"),
            outcome=label("outcome"),
        )
        if self.promise_state:
            text += " " + env._(
                "Promised %(amount)s by %(date)s.",
                amount=format_amount(env, self.promise_amount, self.currency_id),
                date=format_date(env, self.promise_date),
            )
        return text

    # ------------------------------------------------------------------
    # PROMISES ON THE DEADLINE ENGINE
    # ------------------------------------------------------------------
    def _promise_due_time(self):
        """The end of the promised day in the project's time zone, in UTC."""
        self.ensure_one()
        tz = pytz.timezone(self.project_id.tz or "Asia/Shanghai")
        local = tz.localize(datetime.combine(self.promise_date, time.max))
        return local.astimezone(pytz.utc).replace(tzinfo=None, microsecond=0)

    def _deadline_specs(self):
        """A promise awaited runs until the end of its day (the assignee
        is warned a day before); kept, it is met; broken, it is over."""
        specs = []
        states = {"pending": "running", "kept": "met", "broken": "cancelled"}
        for attempt in self.filtered("promise_state"):
            specs.append(
                {
                    "res_id": attempt.id,
                    "target": "promise",
                    "state": states[attempt.promise_state],
                    "name": attempt.case_id.name,
                    "company_id": attempt.company_id.id,
                    "project_id": attempt.project_id.id,
                    "user_id": attempt.case_id.user_id.id or attempt.user_id.id,
                    "date_start": attempt.date,
                    "date_fixed": attempt._promise_due_time(),
                    "warning_minutes": 24 * 60,
                    "supervisor_minutes": -1,
                    "manager_minutes": -1,
                    "head_office_minutes": -1,
                }
            )
        return specs

    def _deadline_notify_record(self):
        """A promise's warning goes on its case."""
        return self.case_id

    def _promise_check_kept(self):
        """Mark the awaited promises whose amount has been paid since they
        were made (or whose case owes nothing more) as kept; the case goes
        back to its steps, or closes when nothing is owed."""
        pending = self.filtered(lambda a: a.promise_state == "pending")
        pending.case_id.invalidate_recordset(["amount_due", "invoice_ids"])
        kept = pending.filtered(
            lambda a: (
                a.case_id.amount_due <= 0
                or a.case_id.amount_due <= a.promise_balance - a.promise_amount + 0.005
            )
        )
        if not kept:
            return kept
        kept.sudo().write({"promise_state": "kept"})
        self.env["property.deadline"]._deadline_sync(kept)
        for attempt in kept:
            case = attempt.case_id.sudo()
            lang = case.company_id._property_lang()
            message = self.with_context(lang=lang).env._("The promise to pay was kept.")
            if case.amount_due <= 0:
                case.message_post(body=message, subtype_xmlid="mail.mt_note")
                case._close("paid")
            else:
                case._resume(message)
        return kept

    def _promise_due(self):
        """The promised day is over (breach of the deadline): a promise
        paid is kept, else it is broken and the case resumes its steps
        at once, with the assignee told (base.automation rule)."""
        pending = self.sudo().filtered(lambda a: a.promise_state == "pending")
        broken = pending - pending._promise_check_kept()
        if not broken:
            return broken
        broken.write({"promise_state": "broken"})
        self.env["property.deadline"]._deadline_sync(broken)
        for attempt in broken:
            case = attempt.case_id
            env = self.with_context(lang=case.company_id._property_lang()).env
            message = env._(
                "The promise to pay %(amount)s by %(date)s was not kept: the "
                "collection steps resume.",
                amount=format_amount(env, attempt.promise_amount, attempt.currency_id),
                date=format_date(env, attempt.promise_date),
            )
            case._resume(message)
            if case.user_id:
                case.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Promise to pay broken"),
                    note=message,
                    user_id=case.user_id.id,
                )
        return broken

    def action_open_case(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.collection.case",
            "res_id": self.case_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
