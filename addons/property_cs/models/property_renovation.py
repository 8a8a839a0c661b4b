# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .constants import RENOVATION_STATES


class PropertyRenovation(models.Model):
    """A renovation of a unit (二次装修) from application to deposit refund
    (D-20, domain_standards D1-D8).

    The application (unit, scope, contractor, workers, dates, documents)
    is submitted from the portal or the desk, checked for completeness by
    customer service, reviewed by the project's engineering department and
    approved by the project manager; the applicant acknowledges the
    project's rules with a signature before approval. The deposit and
    deductions are in property_renovation_deposit.py; inspections,
    violations, extensions and acceptance in property_renovation_works.py.
    Approval never depends on a contractor or on buying services from the
    property company (D5): no field of that kind exists."""

    _name = "property.renovation"
    _description = "Renovation"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _workflow_fields = ("state",)

    name = fields.Char(
        string="Permit Number", readonly=True, copy=False, default="/", index=True
    )
    active = fields.Boolean(default=True)
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(
        related="unit_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        RENOVATION_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
        copy=False,
    )
    # application
    applicant_id = fields.Many2one(
        "res.partner", string="Applicant", required=True, index=True, tracking=True
    )
    applicant_role = fields.Selection(
        [("owner", "Owner"), ("tenant", "Tenant or Occupant")],
        tracking=True,
        help="An applicant who does not own the unit needs the owner's "
        "written consent.",
    )
    owner_id = fields.Many2one(
        "res.partner",
        string="Consenting Owner",
        help="The owner who consents to a tenant's or occupant's renovation.",
    )
    channel = fields.Selection(
        [("desk", "Service Desk"), ("portal", "Owners' Portal")],
        default="desk",
        readonly=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        tracking=True,
        default=lambda self: self.env.user if not self.env.user.share else False,
        domain="[('share', '=', False)]",
    )
    scope_ids = fields.Many2many(
        "property.renovation.scope", string="Scope of Works", tracking=True
    )
    description = fields.Text(string="Works Description")
    uses_contractor = fields.Boolean(string="Uses a Contractor", tracking=True)
    contractor_name = fields.Char(string="Contractor", tracking=True)
    contractor_licence = fields.Char(string="Contractor Licence No.")
    contractor_manager = fields.Char(string="Person in Charge")
    contractor_phone = fields.Char(string="Contractor Phone")
    worker_ids = fields.One2many(
        "property.renovation.worker", "renovation_id", string="Workers"
    )
    date_start = fields.Date(string="Planned Start", tracking=True)
    date_end = fields.Date(string="Planned End", tracking=True)
    neighbour_notice = fields.Boolean(
        string="Neighbours Notified",
        tracking=True,
        help="The applicant told the neighbours before the works start.",
    )
    document_ids = fields.One2many(
        "property.renovation.document", "renovation_id", string="Documents"
    )
    # rules acknowledged with a signature before approval
    prohibition_ids = fields.Many2many(
        "property.renovation.prohibition", string="Declarations Ticked"
    )
    signature = fields.Image(
        copy=False, attachment=True, max_width=1024, max_height=1024
    )
    signed_by = fields.Char(copy=False, readonly=True)
    signed_on = fields.Datetime(copy=False, readonly=True)
    signed_ip = fields.Char(string="Signed From", copy=False, readonly=True)
    # review
    date_submitted = fields.Datetime(readonly=True, copy=False)
    checked_by_id = fields.Many2one(
        "res.users", string="Documents Checked By", readonly=True, copy=False
    )
    engineering_user_id = fields.Many2one(
        "res.users", string="Engineering Reviewer", readonly=True, copy=False
    )
    engineering_date = fields.Datetime(
        string="Engineering Review On", readonly=True, copy=False
    )
    engineering_note = fields.Text(string="Engineering Opinion", copy=False)
    change_request = fields.Text(
        string="Changes Requested",
        copy=False,
        help="What the applicant must amend; shown to the applicant.",
    )
    approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    reject_reason = fields.Text(string="Reason for Rejection", copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code(
                    "property.renovation"
                ) or "/"
        return super().create(vals_list)

    def _compute_access_url(self):
        super()._compute_access_url()
        for renovation in self:
            renovation.access_url = f"/my/renovations/{renovation.id}"
