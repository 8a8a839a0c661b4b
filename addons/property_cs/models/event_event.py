# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class EventEvent(models.Model):
    """A community culture event (社区文化活动, D-30) is an Odoo event that
    carries a project: the annual plan counts it, the owners of the project
    are invited and register in the portal, staff take attendance at the
    door and attendees give feedback. Events without a project stay plain
    Odoo events."""

    _inherit = "event.event"

    property_project_id = fields.Many2one(
        "property.project", string="Project", index=True, tracking=True
    )
    property_building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        help="Limit the event to the households of these buildings; empty: "
        "the whole project.",
    )
    property_plan_line_id = fields.Many2one(
        "property.event.plan.line",
        string="Plan Item",
        index=True,
        help="The item of the project's annual activity plan this event carries out.",
    )

    def _property_booking_open_for(self, partner):
        """Whether ``partner`` may book places on this event now, and if not
        why (plain text for the portal). Invitations decide who may book
        when (key customers before the others, D-5)."""
        self.ensure_one()
        return True, ""
