# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyFaq(models.Model):
    """A frequently asked question (常见问题, D-15) answered in standard
    language and published read-only in the owners' portal."""

    _name = "property.faq"
    _description = "Frequently Asked Question"
    _order = "category_id, sequence, id"

    name = fields.Char(string="Question", required=True, translate=True)
    answer = fields.Html(required=True, translate=True, sanitize=True)
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one("property.ticket.category", index=True)
    project_ids = fields.Many2many(
        "property.project",
        string="Projects",
        help="Leave empty to publish the answer in every project.",
    )
    is_published = fields.Boolean(string="Published", default=True)
    active = fields.Boolean(default=True)

    @api.model
    def _portal_faq_groups(self, partner):
        """Published answers for the projects the partner lives in (and the
        ones valid everywhere), grouped by category."""
        projects = partner.sudo().unit_link_ids.filtered("is_current").project_id
        faqs = self.sudo().search(
            [
                ("is_published", "=", True),
                "|",
                ("project_ids", "=", False),
                ("project_ids", "in", projects.ids),
            ]
        )
        groups = {}
        for faq in faqs:
            groups.setdefault(faq.category_id, self.browse())
            groups[faq.category_id] |= faq
        return list(groups.items())
