# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertySlaPolicy(models.Model):
    """Minute targets of a severity class (D-7): commit to a time, arrive on
    site, close. A policy may be narrowed to a project and/or a category;
    the most specific one wins (project and category, then project, then
    category, then the global default)."""

    _name = "property.sla.policy"
    _description = "SLA Policy"
    _order = "severity_id, project_id, category_id, id"
    _check_company_auto = True

    # computed in the reader's language: severity and category names are
    # translated, so the policy name is not stored
    name = fields.Char(compute="_compute_name")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        help="Leave empty for a policy that applies to every company.",
    )
    project_id = fields.Many2one(
        "property.project",
        index=True,
        check_company=True,
        help="Leave empty for a policy that applies to every project.",
    )
    category_id = fields.Many2one(
        "property.ticket.category",
        index=True,
        help="Leave empty for a policy that applies to every category. A "
        "policy of a parent category also applies to its sub-categories.",
    )
    severity_id = fields.Many2one(
        "property.ticket.severity", required=True, index=True, ondelete="cascade"
    )
    commit_minutes = fields.Integer(
        string="Commitment (minutes)",
        default=10,
        help="Working minutes to tell the owner when the request will be "
        "solved or answered.",
    )
    arrival_minutes = fields.Integer(
        string="Arrival (minutes)",
        help="Working minutes to arrive on site; 0 means no arrival target.",
    )
    close_minutes = fields.Integer(
        string="Closure (minutes)",
        default=30,
        help="Working minutes to close the request.",
    )

    custom_steps = fields.Boolean(
        string="Own Escalation Times",
        help="Use the warning and escalation times below for this class "
        "instead of the company's settings.",
    )
    warning_minutes = fields.Integer(
        string="Warning Before (minutes)",
        default=5,
        help="Warn the assignee this many minutes before a deadline.",
    )
    supervisor_delay = fields.Integer(
        string="Supervisor After (minutes)",
        help="Minutes after a breach before the supervisor is told.",
    )
    manager_delay = fields.Integer(
        string="Project Manager After (minutes)",
        default=60,
        help="Minutes after a breach before the project manager is told.",
    )
    head_office_delay = fields.Integer(
        string="Head Office After (minutes)",
        default=240,
        help="Minutes after a breach before head office is told.",
    )

    _sql_constraints = [
        (
            "steps_ordered",
            "CHECK(warning_minutes >= 0 AND supervisor_delay >= 0 "
            "AND manager_delay >= supervisor_delay "
            "AND head_office_delay >= manager_delay)",
            "Warning and escalation times cannot be negative, and the ladder "
            "goes up: supervisor, then project manager, then head office.",
        ),
        (
            "minutes_positive",
            "CHECK(commit_minutes >= 0 AND arrival_minutes >= 0 "
            "AND close_minutes >= 0)",
            "Service-time targets cannot be negative.",
        ),
    ]

    @api.depends("project_id")
    def _compute_company_id(self):
        for policy in self:
            policy.company_id = policy.project_id.company_id or policy.company_id

    @api.depends("severity_id.name", "project_id.name", "category_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for policy in self:
            parts = [policy.severity_id.name or ""]
            if policy.project_id:
                parts.append(policy.project_id.name)
            if policy.category_id:
                parts.append(policy.category_id.name)
            policy.name = " / ".join(parts)

    def _specificity(self, category_depth):
        """Rank of a matching policy: the project counts more than the
        category, and a closer category more than a parent one."""
        self.ensure_one()
        rank = 1000 if self.project_id else 0
        if self.category_id:
            rank += 100 - category_depth
        return rank

    @api.model
    def _get_policy_map(self, tickets):
        """Return {ticket id: policy} for the tickets in one search (D-7)."""
        severities = tickets.severity_id
        if not severities:
            return {}
        policies = self.search(
            [
                ("severity_id", "in", severities.ids),
                ("company_id", "in", [False, *tickets.company_id.ids]),
            ]
        )
        result = {}
        for ticket in tickets:
            ancestors = []
            category = ticket.category_id
            while category and len(ancestors) < 20:
                ancestors.append(category)
                category = category.parent_id
            best, best_rank = self.browse(), -1
            for policy in policies:
                if policy.severity_id != ticket.severity_id:
                    continue
                if policy.company_id and policy.company_id != ticket.company_id:
                    continue
                if policy.project_id and policy.project_id != ticket.project_id:
                    continue
                if policy.category_id and policy.category_id not in ancestors:
                    continue
                depth = ancestors.index(policy.category_id) if policy.category_id else 0
                rank = policy._specificity(depth)
                if rank > best_rank:
                    best, best_rank = policy, rank
            result[ticket.id] = best
        return result
