# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from .property_unit_event import HOUSEHOLD_ROLES, HOUSEHOLD_TYPES

# measures whose aggregate is a ratio of sums (numerator, denominator,
# factor), never a sum or an average of the rows' ratios
RATIOS = {
    "participation_rate": ("participating_count", "household_count", 100.0),
    "attendance_rate": ("attended_count", "booked_count", 100.0),
    "cost_per_participant": ("cost", "attended_count", 1.0),
    "feedback_avg": ("feedback_sum", "feedback_count", 1.0),
}


class PropertyEventReport(models.Model):
    """Participation in the community events (D-30): one row per event of
    a project (not cancelled) and household (unit), by building, household
    type and key customers, plus one row per event for the places booked
    without a unit (walk-ins from outside).

    * Households of an event: the units of its project (or of its
      buildings) with someone linked on the day of the event (owner,
      co-owner, tenant, household member, resident), and any other unit
      that took part.
    * Household type on the day of the event, from the members' birthdays
      and the company's ages (child under 14, elderly from 60 by default):
      with children, with elderly members, with both, other.
    * Key-customer household: a member is a key customer (D-5).
    * Booked: registrations registered or attended, not waiting;
      attended: registrations marked attended; participating household:
      at least one attendee.
    * Participation rate: participating households / households; the
      attendance rate: attended / booked.
    * Cost: the event's actual cost shared among its attendees (a row
      carries its attendees' share), so that the cost per participant of
      any group is the cost of an attendee; the cost of an event nobody
      attended is in the plan report only.
    * Feedback: the attendees' ratings (1 to 5).

    Ratios of a group are the ratios of its sums (``_read_group_select``).
    A plain view: registrations and attendance show at once."""

    _name = "property.event.report"
    _description = "Community Event Participation"
    _inherit = "property.sql.report"
    _auto = False
    _property_ratios = RATIOS
    _order = "date desc, id"
    _rec_name = "event_id"
    _depends = {
        "event.event": [
            "active",
            "date_begin",
            "date_end",
            "event_type_id",
            "property_building_ids",
            "property_cost",
            "property_project_id",
            "stage_id",
        ],
        "event.registration": [
            "active",
            "event_id",
            "partner_id",
            "property_feedback_rating",
            "property_is_waitlist",
            "property_no_show",
            "property_unit_id",
            "state",
        ],
        "property.unit": ["active", "building_id", "project_id"],
        "property.unit.partner": [
            "active",
            "date_end",
            "date_start",
            "partner_id",
            "role",
            "unit_id",
        ],
        "property.project": ["company_id", "tz"],
        "res.company": [
            "currency_id",
            "property_event_child_age",
            "property_event_elderly_age",
        ],
        "res.partner": ["date_birth", "is_key_customer"],
    }

    event_id = fields.Many2one("event.event", readonly=True)
    project_id = fields.Many2one("property.project", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    unit_id = fields.Many2one("property.unit", string="Household (Unit)", readonly=True)
    event_type_id = fields.Many2one("event.type", string="Activity Type", readonly=True)
    date = fields.Date(readonly=True)
    household_type = fields.Selection(HOUSEHOLD_TYPES, readonly=True)
    is_key_household = fields.Boolean(
        string="Key-Customer Household",
        readonly=True,
        help="A member of the household is a key customer.",
    )
    is_held = fields.Boolean(
        string="Event Held", readonly=True, help="The event is over."
    )
    household_count = fields.Integer(string="Households", readonly=True)
    participating_count = fields.Integer(
        string="Participating Households",
        readonly=True,
        help="Households with at least one attendee.",
    )
    booked_count = fields.Integer(string="Places Booked", readonly=True)
    attended_count = fields.Integer(string="Attendees", readonly=True)
    no_show_count = fields.Integer(string="No-Shows", readonly=True)
    waitlist_count = fields.Integer(string="On Waiting List", readonly=True)
    key_attended_count = fields.Integer(
        string="Key-Customer Attendees",
        readonly=True,
        help="Attendees who are key customers.",
    )
    feedback_count = fields.Integer(string="Ratings", readonly=True)
    feedback_sum = fields.Integer(string="Rating Points", readonly=True)
    cost = fields.Monetary(
        string="Cost of Attendees",
        readonly=True,
        help="The event's actual cost shared among its attendees.",
    )
    participation_rate = fields.Float(
        string="Participation Rate (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Participating households divided by households.",
    )
    attendance_rate = fields.Float(
        string="Attendance Rate (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Attendees divided by places booked.",
    )
    cost_per_participant = fields.Monetary(
        readonly=True,
        aggregator="avg",
        help="Actual cost divided by the attendees.",
    )
    feedback_avg = fields.Float(
        string="Average Rating",
        readonly=True,
        digits=(16, 2),
        aggregator="avg",
        help="The attendees' ratings, from 1 (very poor) to 5 (very good).",
    )

    def _query(self):
        """SQL of the rows (see the class docstring)."""
        buildings = self.env["event.event"]._fields["property_building_ids"]
        return SQL(
            """
            WITH event_row AS (
                SELECT event.id AS event_id,
                       event.property_project_id AS project_id,
                       project.company_id,
                       event.event_type_id,
                       (event.date_begin AT TIME ZONE 'UTC'
                            AT TIME ZONE COALESCE(project.tz, 'Asia/Shanghai')
                       )::date AS day,
                       event.date_end <= (NOW() AT TIME ZONE 'UTC') AS is_held,
                       COALESCE(event.property_cost, 0.0) AS event_cost,
                       company.property_event_child_age AS child_age,
                       company.property_event_elderly_age AS elderly_age
                  FROM event_event event
                  JOIN property_project project
                    ON project.id = event.property_project_id
                  JOIN res_company company ON company.id = project.company_id
                 WHERE event.active
                   AND NOT EXISTS (
                       SELECT 1 FROM ir_model_data imd
                        WHERE imd.model = 'event.stage'
                          AND imd.module = 'event'
                          AND imd.name = 'event_stage_cancelled'
                          AND imd.res_id = event.stage_id
                   )
            ),
            member AS (
                -- the people linked to a unit on the day of an event
                SELECT event_row.event_id,
                       link.unit_id,
                       partner.date_birth,
                       COALESCE(partner.is_key_customer, FALSE) AS is_key
                  FROM event_row
                  JOIN property_unit unit
                    ON unit.project_id = event_row.project_id
                  JOIN property_unit_partner link
                    ON link.unit_id = unit.id
                   AND link.active
                   AND link.role IN %(roles)s
                   AND link.date_start <= event_row.day
                   AND (link.date_end IS NULL OR link.date_end >= event_row.day)
                  JOIN res_partner partner ON partner.id = link.partner_id
            ),
            household AS (
                SELECT member.event_id,
                       member.unit_id,
                       BOOL_OR(event_row.child_age > 0
                               AND member.date_birth > event_row.day
                                   - MAKE_INTERVAL(years => event_row.child_age))
                           AS has_children,
                       BOOL_OR(event_row.elderly_age > 0
                               AND member.date_birth <= event_row.day
                                   - MAKE_INTERVAL(years => event_row.elderly_age))
                           AS has_elderly,
                       BOOL_OR(member.is_key) AS is_key
                  FROM member
                  JOIN event_row ON event_row.event_id = member.event_id
                 GROUP BY member.event_id, member.unit_id
            ),
            eligible AS (
                -- the households of the event: of its buildings, if any
                SELECT household.event_id, household.unit_id
                  FROM household
                  JOIN property_unit unit ON unit.id = household.unit_id
                 WHERE unit.active
                   AND (
                       NOT EXISTS (
                           SELECT 1 FROM %(rel)s rel
                            WHERE rel.%(col1)s = household.event_id
                       )
                       OR unit.building_id IN (
                           SELECT rel.%(col2)s FROM %(rel)s rel
                            WHERE rel.%(col1)s = household.event_id
                       )
                   )
            ),
            booking AS (
                SELECT reg.event_id,
                       reg.property_unit_id AS unit_id,
                       COUNT(*) FILTER (
                           WHERE reg.state = 'done'
                              OR (reg.state = 'open'
                                  AND NOT COALESCE(reg.property_is_waitlist, FALSE))
                       ) AS booked_count,
                       COUNT(*) FILTER (WHERE reg.state = 'done') AS attended_count,
                       COUNT(*) FILTER (
                           WHERE COALESCE(reg.property_no_show, FALSE)
                             AND reg.state != 'done'
                       ) AS no_show_count,
                       COUNT(*) FILTER (
                           WHERE reg.state IN ('draft', 'open')
                             AND COALESCE(reg.property_is_waitlist, FALSE)
                       ) AS waitlist_count,
                       COUNT(*) FILTER (
                           WHERE reg.state = 'done'
                             AND COALESCE(partner.is_key_customer, FALSE)
                       ) AS key_attended_count,
                       COUNT(reg.property_feedback_rating) AS feedback_count,
                       COALESCE(SUM(reg.property_feedback_rating::int), 0)
                           AS feedback_sum
                  FROM event_registration reg
                  JOIN event_row ON event_row.event_id = reg.event_id
                  LEFT JOIN res_partner partner ON partner.id = reg.partner_id
                 WHERE reg.active
                 GROUP BY reg.event_id, reg.property_unit_id
            ),
            combined AS (
                SELECT COALESCE(eligible.event_id, booking.event_id) AS event_id,
                       COALESCE(eligible.unit_id, booking.unit_id) AS unit_id,
                       eligible.event_id IS NOT NULL AS is_eligible,
                       COALESCE(booking.booked_count, 0) AS booked_count,
                       COALESCE(booking.attended_count, 0) AS attended_count,
                       COALESCE(booking.no_show_count, 0) AS no_show_count,
                       COALESCE(booking.waitlist_count, 0) AS waitlist_count,
                       COALESCE(booking.key_attended_count, 0)
                           AS key_attended_count,
                       COALESCE(booking.feedback_count, 0) AS feedback_count,
                       COALESCE(booking.feedback_sum, 0) AS feedback_sum
                  FROM eligible
                  FULL OUTER JOIN booking
                    ON booking.event_id = eligible.event_id
                   AND booking.unit_id = eligible.unit_id
            ),
            measured AS (
                SELECT combined.*,
                       CASE WHEN combined.unit_id IS NOT NULL
                                 AND (combined.is_eligible
                                      OR combined.attended_count > 0)
                            THEN 1 ELSE 0 END AS household_count,
                       CASE WHEN combined.unit_id IS NOT NULL
                                 AND combined.attended_count > 0
                            THEN 1 ELSE 0 END AS participating_count,
                       SUM(combined.attended_count)
                           OVER (PARTITION BY combined.event_id)
                           AS event_attended
                  FROM combined
            )
            SELECT measured.event_id::bigint * 100000000
                       + COALESCE(measured.unit_id, 0) AS id,
                   measured.event_id,
                   event_row.project_id,
                   event_row.company_id,
                   company.currency_id,
                   unit.building_id,
                   measured.unit_id,
                   event_row.event_type_id,
                   event_row.day AS date,
                   CASE WHEN measured.unit_id IS NULL THEN NULL
                        WHEN household.has_children AND household.has_elderly
                            THEN 'children_elderly'
                        WHEN household.has_children THEN 'children'
                        WHEN household.has_elderly THEN 'elderly'
                        ELSE 'other' END AS household_type,
                   COALESCE(household.is_key, FALSE) AS is_key_household,
                   event_row.is_held,
                   measured.household_count,
                   measured.participating_count,
                   measured.booked_count,
                   measured.attended_count,
                   measured.no_show_count,
                   measured.waitlist_count,
                   measured.key_attended_count,
                   measured.feedback_count,
                   measured.feedback_sum,
                   COALESCE(event_row.event_cost * measured.attended_count
                            / NULLIF(measured.event_attended, 0), 0.0) AS cost,
                   measured.participating_count * 100.0
                       / NULLIF(measured.household_count, 0)
                       AS participation_rate,
                   measured.attended_count * 100.0
                       / NULLIF(measured.booked_count, 0) AS attendance_rate,
                   CASE WHEN measured.attended_count > 0
                        THEN event_row.event_cost / measured.event_attended
                        END AS cost_per_participant,
                   measured.feedback_sum * 1.0
                       / NULLIF(measured.feedback_count, 0) AS feedback_avg
              FROM measured
              JOIN event_row ON event_row.event_id = measured.event_id
              JOIN res_company company ON company.id = event_row.company_id
              LEFT JOIN property_unit unit ON unit.id = measured.unit_id
              LEFT JOIN household
                ON household.event_id = measured.event_id
               AND household.unit_id = measured.unit_id
            """,
            roles=HOUSEHOLD_ROLES,
            rel=SQL.identifier(buildings.relation),
            col1=SQL.identifier(buildings.column1),
            col2=SQL.identifier(buildings.column2),
        )
