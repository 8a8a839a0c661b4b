# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .constants import UNIT_USE_TYPES

OWNER_ROLES = ("owner", "co_owner")


class PropertyUnit(models.Model):
    """A unit (房号) with its gross floor area and use type (D-2).

    Its state is three tracked facts rather than one selection: delivery
    (handover date), occupancy (vacant / owner-occupied / rented) and the
    current renovation; ``status`` only combines them for display.
    """

    _name = "property.unit"
    _description = "Unit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, building_id, floor, name"
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name"]
    _check_company_auto = True

    name = fields.Char(string="Unit Number", required=True, tracking=True)
    complete_name = fields.Char(
        string="Unit", compute="_compute_complete_name", store=True, index=True
    )
    active = fields.Boolean(default=True, tracking=True)
    building_id = fields.Many2one(
        "property.building",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    project_id = fields.Many2one(
        related="building_id.project_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(related="building_id.company_id", store=True)
    floor = fields.Integer(tracking=True)
    area = fields.Float(
        string="Gross Floor Area (m²)",
        required=True,
        digits=(16, 2),
        tracking=True,
        aggregator="sum",
    )
    use_type = fields.Selection(
        UNIT_USE_TYPES,
        required=True,
        default="residential",
        tracking=True,
    )
    # delivery
    date_handover = fields.Date(
        string="Handover Date",
        tracking=True,
        help="Date the unit was handed over to its owner; empty means not "
        "delivered yet.",
    )
    # occupancy
    occupancy = fields.Selection(
        [
            ("vacant", "Vacant"),
            ("owner_occupied", "Owner-Occupied"),
            ("rented", "Rented"),
        ],
        compute="_compute_occupancy",
        store=True,
        readonly=False,
        default="vacant",
        required=True,
        tracking=True,
        help="Derived from the move-in and move-out dates of the current "
        "residents; can be corrected by hand.",
    )
    date_vacant_since = fields.Date(
        string="Vacant Since",
        compute="_compute_date_vacant_since",
        store=True,
        readonly=False,
        tracking=True,
    )
    vacancy_evidence = fields.Text(
        help="How the vacancy was established (meter readings, inspection "
        "record, ...): a fee standard's vacancy discount applies only with it.",
        tracking=True,
    )
    # renovation (the renovation feature fills it)
    renovation_state = fields.Selection(
        [("none", "No Renovation"), ("in_progress", "Renovation in Progress")],
        string="Current Renovation",
        default="none",
        required=True,
        tracking=True,
    )
    status = fields.Selection(
        [
            ("undelivered", "Not Delivered"),
            ("vacant", "Vacant"),
            ("owner_occupied", "Owner-Occupied"),
            ("rented", "Rented"),
            ("renovating", "Renovating"),
        ],
        compute="_compute_status",
        store=True,
        help="Combines delivery, occupancy and renovation for display.",
    )
    partner_link_ids = fields.One2many(
        "property.unit.partner", "unit_id", string="Owners and Residents"
    )
    current_link_ids = fields.One2many(
        "property.unit.partner",
        "unit_id",
        string="Current Owners and Residents",
        domain=[("is_current", "=", True)],
    )
    owner_ids = fields.Many2many(
        "res.partner",
        string="Current Owners",
        compute="_compute_partners",
        search="_search_owner_ids",
    )
    resident_ids = fields.Many2many(
        "res.partner",
        string="Current Residents",
        compute="_compute_partners",
    )
    parking_space_ids = fields.One2many("property.parking.space", "unit_id")
    note = fields.Html()
    access_url = fields.Char(
        string="Portal Page",
        compute="_compute_access_url",
        help="Page of the unit in the portal, for its signed-in current owners "
        "and residents.",
    )

    _sql_constraints = [
        (
            "name_building_uniq",
            "unique(name, building_id)",
            "A unit number must be unique within its building.",
        ),
        (
            "area_positive",
            "CHECK(area > 0)",
            "The gross floor area of a unit must be greater than zero.",
        ),
    ]

    @api.depends("name", "building_id.name")
    def _compute_complete_name(self):
        for unit in self:
            unit.complete_name = (
                f"{unit.building_id.name}-{unit.name}"
                if unit.building_id
                else unit.name
            )

    @api.depends(
        "partner_link_ids.role",
        "partner_link_ids.date_move_in",
        "partner_link_ids.date_move_out",
        "partner_link_ids.active",
    )
    def _compute_occupancy(self):
        """Rented when a tenant lives in the unit, owner-occupied when an
        owner or household member does, vacant otherwise."""
        for unit in self:
            living = unit.partner_link_ids.filtered(
                lambda link: link.date_move_in and not link.date_move_out
            )
            if not living:
                unit.occupancy = "vacant"
            elif "tenant" in living.mapped("role"):
                unit.occupancy = "rented"
            else:
                unit.occupancy = "owner_occupied"

    @api.depends("occupancy", "date_handover")
    def _compute_date_vacant_since(self):
        for unit in self:
            if unit.occupancy != "vacant":
                unit.date_vacant_since = False
            elif not unit.date_vacant_since:
                move_outs = unit.partner_link_ids.filtered("date_move_out").mapped(
                    "date_move_out"
                )
                unit.date_vacant_since = (
                    max(move_outs) if move_outs else unit.date_handover
                ) or False

    @api.depends("date_handover", "occupancy", "renovation_state")
    def _compute_status(self):
        for unit in self:
            if unit.renovation_state == "in_progress":
                unit.status = "renovating"
            elif not unit.date_handover:
                unit.status = "undelivered"
            else:
                unit.status = unit.occupancy

    @api.depends(
        "partner_link_ids.partner_id",
        "partner_link_ids.role",
        "partner_link_ids.date_start",
        "partner_link_ids.date_end",
    )
    def _compute_partners(self):
        today = self.env["property.unit.partner"]._property_today()
        for unit in self:
            current = unit.partner_link_ids.filtered(
                lambda link: link._is_current_on(today)
            )
            unit.owner_ids = current.filtered(
                lambda link: link.role in OWNER_ROLES
            ).partner_id
            unit.resident_ids = current.filtered(
                lambda link: link.date_move_in and not link.date_move_out
            ).partner_id

    def _search_owner_ids(self, operator, value):
        if operator in ("in", "="):
            partner_term = (
                "partner_id",
                "in",
                value if isinstance(value, list | tuple) else [value],
            )
        elif operator in ("any", "ilike", "like", "=ilike"):
            partner_term = ("partner_id", operator, value)
        else:
            raise UserError(
                self.env._("Unsupported search on current owners: %s", operator)
            )
        return [
            (
                "partner_link_ids",
                "any",
                [
                    ("role", "in", OWNER_ROLES),
                    ("is_current", "=", True),
                    partner_term,
                ],
            )
        ]

    def _compute_access_url(self):
        for unit in self:
            unit.access_url = f"/my/units/{unit.id}"

    @api.constrains("area")
    def _check_area(self):
        for unit in self:
            if unit.area <= 0:
                raise ValidationError(
                    self.env._(
                        "The gross floor area of unit %(unit)s must be greater "
                        "than zero.",
                        unit=unit.complete_name,
                    )
                )

    # ------------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------------
    def get_portal_url(self):
        """The unit's portal page, never with a token (D-3).

        A unit has no access token: its page is for the signed-in current
        owners and residents only, whom the record rules find through their
        current links. A link shared, forwarded or kept after a sale or a
        move-out opens nothing for anybody else, and a link that ends or is
        archived takes the page away at once.
        """
        self.ensure_one()
        return self.access_url

    def _get_access_action(self, access_uid=None, force_website=False):
        """Portal users opening a unit from a mail land on its portal page,
        which checks that they are a current owner or resident (D-3)."""
        self.ensure_one()
        user = (
            self.env["res.users"].sudo().browse(access_uid)
            if access_uid
            else self.env.user
        )
        if user.share or force_website:
            return {
                "type": "ir.actions.act_url",
                "url": self.access_url,
                "target": "self",
                "res_id": self.id,
            }
        return super()._get_access_action(
            access_uid=access_uid, force_website=force_website
        )

    def _portal_unit_values(self, partner):
        """What a resident may see of a unit: its facts, the people linked
        to it (names and roles only) and the viewer's own vehicles and
        spaces. A current owner or co-owner sees the owners with their
        shares and the whole household; a tenant, household member or
        resident sees only their own link, never the owners, their shares
        or their household (D-1, D-3). Internal data (handling tips,
        identity numbers, special needs) is never passed to the portal
        (D-3, D-4). The fees shown are the viewer's own on this unit: what
        they owe, what they paid ahead, their last bills and payments with
        a link to each payment's receipt (D-21)."""
        self.ensure_one()
        links = self.sudo().current_link_ids
        is_owner = bool(
            links.filtered(
                lambda link: link.partner_id == partner and link.role in OWNER_ROLES
            )
        )
        if not is_owner:
            links = links.filtered(lambda link: link.partner_id == partner)
        owed, prepaid = self._property_balance(partner)
        fee_bills = self._portal_fee_bills(partner)
        return {
            "unit": self,
            "is_unit_owner": is_owner,
            # the viewer's own bills of this unit only: a tenant who pays
            # sees what they pay, an owner never a tenant's bills
            "fee_owed": owed,
            "fee_prepaid": prepaid,
            "fee_currency": self.project_id.company_id.currency_id,
            "fee_bills": fee_bills[:24],
            "fee_payments": self._portal_fee_payments(partner, fee_bills)[:24],
            "page_name": "property_unit",
            "household": [
                {
                    "name": link.partner_id.name,
                    "role": dict(link._fields["role"]._description_selection(self.env))[
                        link.role
                    ],
                    "share": link.share
                    if is_owner and link.role in OWNER_ROLES
                    else False,
                    "date_move_in": link.date_move_in,
                }
                for link in links
            ],
            "vehicles": self.env["property.vehicle"]
            .sudo()
            .search([("partner_id", "=", partner.id)]),
            "parking_spaces": self.env["property.parking.space"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("project_id", "=", self.project_id.id),
                ]
            ),
        }

    def _portal_fee_bills(self, partner):
        """The viewer's posted bills and credit notes of this unit (sudo),
        newest first: a tenant who pays sees what they pay, an owner never
        a tenant's bills, a household member none (D-3, D-21)."""
        self.ensure_one()
        return (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("property_unit_id", "=", self.id),
                    ("commercial_partner_id", "=", partner.commercial_partner_id.id),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                ],
                order="invoice_date desc, id desc",
            )
        )

    def _portal_fee_payments(self, partner, bills=None):
        """The viewer's own payments for this unit (D-3, D-21), newest first,
        as [{"payment", "bills", "receipt_url"}] (sudo records: the page
        shows their date, amount, journal and method, and the numbers of
        the viewer's bills of the unit they paid). A payment is the
        viewer's when its payer's commercial entity is theirs (the same
        rule as their bills); it is for this unit when it was taken on the
        unit (front desk) or paid one of their bills of the unit (online,
        or registered on the bill). Only posted incoming payments count.
        Another owner, the owners of a unit whose tenant pays and the
        household members see none of them."""
        self.ensure_one()
        commercial = partner.commercial_partner_id
        if bills is None:
            bills = self._portal_fee_bills(partner)
        payments = (
            self.env["account.payment"]
            .sudo()
            .search(
                [
                    ("partner_id.commercial_partner_id", "=", commercial.id),
                    ("payment_type", "=", "inbound"),
                    ("state", "in", ("in_process", "paid")),
                ],
                order="date desc, id desc",
            )
        )
        rows = []
        for payment in payments:
            paid = payment.reconciled_invoice_ids & bills
            if payment.property_unit_id != self and not paid:
                continue
            rows.append(
                {
                    "payment": payment,
                    "bills": paid,
                    "receipt_url": f"{self.access_url}/receipts/{payment.id}",
                }
            )
        return rows

    def _portal_fee_receipt(self, partner, payment_id):
        """The payment ``payment_id`` (sudo) whose receipt (收据) the portal
        user ``partner`` prints from this unit's page: only one of their
        own payments for the unit (``_portal_fee_payments``); any other
        raises an AccessError (D-3)."""
        self.ensure_one()
        for row in self._portal_fee_payments(partner):
            if row["payment"].id == payment_id:
                return row["payment"]
        raise AccessError(self.env._("This receipt is not among your payments."))
