# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .ticket_kinds import TICKET_KINDS


class PropertyCallbackRule(models.Model):
    """Which done or closed tickets get a callback (D-24), per kind, with an
    optional project and category: the most specific active rule applies
    (project and category, then project, then category, then kind only).
    Defaults: every complaint and repair, a sample of inquiries. A complaint
    always gets a callback, whatever the rules say."""

    _name = "property.callback.rule"
    _description = "Callback Rule"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    project_id = fields.Many2one(
        "property.project", check_company=True, help="Empty: every project."
    )
    kind = fields.Selection(TICKET_KINDS, required=True)
    category_id = fields.Many2one(
        "property.ticket.category", help="Empty: every category; includes children."
    )
    sample_rate = fields.Float(
        string="Sample (%)",
        default=100.0,
        help="Share of the matching tickets that get a callback: 100 for all, "
        "0 for none. The sample is drawn from the ticket and the seed, so it "
        "is the same every time it is computed.",
    )
    sample_seed = fields.Char(
        default="D-24", required=True, help="Change it to draw another sample."
    )
    delay_days = fields.Integer(
        string="Delay (Days)",
        default=lambda self: self.env.company.property_callback_delay_days,
        help="The callback is due this many days after the ticket is done "
        "(complaints) or closed.",
    )
    max_attempts = fields.Integer(
        default=lambda self: self.env.company.property_callback_max_attempts,
        help="Unreachable attempts before the callback fails.",
    )
    script_id = fields.Many2one(
        "property.callback.script", help="Empty: the script of the kind."
    )

    @api.depends("kind", "project_id", "category_id")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rule in self:
            parts = [kinds.get(rule.kind, "")]
            if rule.category_id:
                parts.append(rule.category_id.display_name)
            if rule.project_id:
                parts.append(rule.project_id.name)
            rule.name = " / ".join(p for p in parts if p)

    @api.constrains("sample_rate", "kind", "delay_days", "max_attempts")
    def _check_values(self):
        for rule in self:
            if not 0 <= rule.sample_rate <= 100:
                raise ValidationError(
                    self.env._("The callback sample must be between 0 and 100 %.")
                )
            if rule.kind == "complaint" and rule.sample_rate < 100:
                raise ValidationError(
                    self.env._(
                        "Every complaint gets a callback: the sample of a "
                        "complaint rule is 100 %."
                    )
                )
            if rule.delay_days < 0 or rule.max_attempts < 0:
                raise ValidationError(
                    self.env._("Delays and attempts cannot be negative.")
                )

    @api.model
    def _get_rules_for(self, tickets):
        """{ticket id: the most specific active rule matching it, or an
        empty recordset}, with one search for all tickets."""
        rules = self.search(
            [
                ("kind", "in", list(set(tickets.mapped("kind")))),
                ("company_id", "in", tickets.company_id.ids),
            ]
        )
        result = {}
        for ticket in tickets:
            path = ticket.category_id.parent_path or ""
            best, best_key = self.browse(), None
            for rule in rules:
                if (
                    rule.kind != ticket.kind
                    or rule.company_id != ticket.company_id
                    or (rule.project_id and rule.project_id != ticket.project_id)
                    or (
                        rule.category_id
                        and not path.startswith(rule.category_id.parent_path or "-")
                    )
                ):
                    continue
                key = (
                    bool(rule.project_id),
                    len(rule.category_id.parent_path or ""),
                    -rule.sequence,
                    -rule.id,
                )
                if best_key is None or key > best_key:
                    best, best_key = rule, key
            result[ticket.id] = best
        return result

    def _sample_accepts(self, ticket):
        """Whether the ticket falls in the rule's sample: a stable hash of
        the seed and the ticket id mapped to [0, 100), compared with the
        sample rate. The same ticket and seed always give the same answer."""
        self.ensure_one()
        if self.sample_rate >= 100:
            return True
        if self.sample_rate <= 0:
            return False
        digest = hashlib.sha256(f"{self.sample_seed}:{ticket.id}".encode()).digest()
        position = int.from_bytes(digest[:8], "big") % 10000 / 100.0
        return position < self.sample_rate
