# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .constants import RENOVATION_STATES
from .property_unit_partner import OWNER_ROLES


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
    _mail_post_access = "read"  # applicants answer change requests in the portal
    # the review's outcome and the signature are written by the action
    # methods only, never directly
    _workflow_fields = (
        "state",
        "date_submitted",
        "checked_by_id",
        "engineering_user_id",
        "engineering_date",
        "change_request",
        "approved_by_id",
        "date_approved",
        "reject_reason",
        "prohibition_ids",
        "signature",
        "signed_by",
        "signed_on",
        "signed_ip",
    )

    name = fields.Char(
        string="Permit Number", readonly=True, copy=False, default="/", index=True
    )
    active = fields.Boolean(default=True)
    unit_id = fields.Many2one("property.unit", required=True, index=True, tracking=True)
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
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
        "res.partner", required=True, index=True, tracking=True
    )
    applicant_role = fields.Selection(
        [("owner", "Owner"), ("tenant", "Tenant or Occupant")],
        compute="_compute_applicant_role",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="An applicant who does not own the unit needs the owner's "
        "written consent. Set from the applicant's current link to the unit.",
    )
    owner_id = fields.Many2one(
        "res.partner",
        string="Consenting Owner",
        compute="_compute_owner_id",
        store=True,
        readonly=False,
        precompute=True,
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
    contractor_phone = fields.Char()
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
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(string="Approved On", readonly=True, copy=False)
    reject_reason = fields.Text(string="Reason for Rejection", copy=False)
    missing_documents = fields.Text(
        compute="_compute_missing_documents",
        help="The documents the scope, the contractor and the applicant "
        "require that have no file yet.",
    )
    is_signed = fields.Boolean(
        string="Rules Signed", compute="_compute_is_signed", store=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("property.renovation")
                    or "/"
                )
        return super().create(vals_list)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for renovation in self:
            renovation.access_url = f"/my/renovations/{renovation.id}"
        return res

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    def _applicant_links(self):
        """The applicant's current links to the unit (as superuser: the
        unit's household is not readable by every reviewer)."""
        self.ensure_one()
        if not self.unit_id or not self.applicant_id:
            return self.env["property.unit.partner"]
        return self.unit_id.sudo().partner_link_ids.filtered(
            lambda link: link.partner_id == self.applicant_id and link.is_current
        )

    @api.depends("unit_id", "applicant_id")
    def _compute_applicant_role(self):
        """An owner or co-owner applies as the owner; anyone else living in
        the unit as a tenant or occupant, who needs the owner's consent
        (D-20, domain_standards D3)."""
        for renovation in self:
            links = renovation._applicant_links()
            if not links:
                renovation.applicant_role = renovation.applicant_role or False
            elif links.filtered(lambda link: link.role in OWNER_ROLES):
                renovation.applicant_role = "owner"
            else:
                renovation.applicant_role = "tenant"

    @api.depends("unit_id", "applicant_role")
    def _compute_owner_id(self):
        """A tenant's application names a current owner of the unit, whose
        written consent is attached; an owner's application needs none."""
        for renovation in self:
            if renovation.applicant_role != "tenant":
                renovation.owner_id = False
                continue
            owners = renovation.unit_id.sudo().partner_link_ids.filtered(
                lambda link: link.is_current and link.role in OWNER_ROLES
            )
            if renovation.owner_id not in owners.partner_id:
                renovation.owner_id = owners[:1].partner_id

    @api.constrains("unit_id", "applicant_id", "applicant_role")
    def _check_applicant(self):
        """Only an owner of the unit, or a tenant or occupant living there,
        applies (staff record applications on their behalf); an applicant
        who claims to own the unit must own it (D-20, domain_standards D1)."""
        for renovation in self:
            links = renovation._applicant_links()
            values = {
                "applicant": renovation.applicant_id.sudo().display_name,
                "unit": renovation.unit_id.sudo().complete_name,
            }
            if not links:
                raise ValidationError(
                    self.env._(
                        "%(applicant)s is neither an owner nor a current tenant "
                        "or occupant of %(unit)s: only they may apply for its "
                        "renovation (staff apply on their behalf).",
                        **values,
                    )
                )
            if renovation.applicant_role == "owner" and not links.filtered(
                lambda link: link.role in OWNER_ROLES
            ):
                raise ValidationError(
                    self.env._(
                        "%(applicant)s does not own %(unit)s: apply as a tenant "
                        "or occupant, with the owner's written consent.",
                        **values,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for renovation in self:
            if (
                renovation.date_start
                and renovation.date_end
                and renovation.date_end < renovation.date_start
            ):
                raise ValidationError(
                    self.env._("The planned end cannot be before the planned start.")
                )

    def _required_document_types(self):
        """The document types an application needs (domain_standards D3):
        always the proof of title and the applicant's ID; a design by a
        qualified designer for a structural change; the contractor's
        qualification when a contractor works; the owner's written consent
        for a tenant or occupant."""
        self.ensure_one()
        required = ["title_proof", "applicant_id"]
        if any(self.scope_ids.mapped("structural")):
            required.append("structural_design")
        if self.uses_contractor:
            required.append("contractor_qualification")
        if self.applicant_role == "tenant":
            required.append("owner_consent")
        return required

    def _missing_document_types(self):
        """Required document types without any file yet."""
        self.ensure_one()
        present = set(
            self.sudo()
            .document_ids.filtered(lambda document: document.attachment_ids)
            .mapped("document_type")
        )
        return [kind for kind in self._required_document_types() if kind not in present]

    @api.depends(
        "scope_ids.structural",
        "uses_contractor",
        "applicant_role",
        "document_ids.document_type",
        "document_ids.attachment_ids",
    )
    @api.depends_context("lang")
    def _compute_missing_documents(self):
        labels = dict(
            self.env["property.renovation.document"]
            ._fields["document_type"]
            ._description_selection(self.env)
        )
        for renovation in self:
            renovation.missing_documents = (
                "\n".join(labels[kind] for kind in renovation._missing_document_types())
                or False
            )

    @api.depends("signature", "signed_on")
    def _compute_is_signed(self):
        for renovation in self:
            renovation.is_signed = bool(renovation.signature and renovation.signed_on)

    def _today(self):
        """Today in the project's time zone."""
        self.ensure_one()
        return fields.Date.context_today(
            self.with_context(tz=self.project_id.tz or self.env.user.tz or "UTC")
        )
