# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .res_partner import IDENTITY_GROUP


class PropertyRenovationWorker(models.Model):
    """A worker of a renovation, who gets a worker pass. The identity
    number is kept like the owner file's: masked for everyone, the full
    number for the identity group only (domain_standards C5)."""

    _name = "property.renovation.worker"
    _description = "Renovation Worker"
    _order = "renovation_id, id"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="renovation_id.project_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    name = fields.Char(required=True)
    phone = fields.Char()
    trade = fields.Char(help="Bricklayer, electrician, plumber, ...")
    id_number_masked = fields.Char(string="ID Number (Masked)", readonly=True)
    id_document_type = fields.Selection(
        [
            ("resident_id", "Resident Identity Card"),
            ("hk_macao", "Mainland Travel Permit for HK/Macao Residents"),
            ("taiwan", "Mainland Travel Permit for Taiwan Residents"),
            ("passport", "Passport"),
            ("other", "Other"),
        ],
        string="ID Document Type",
        default="resident_id",
    )
    id_number = fields.Char(
        string="ID Number",
        groups=IDENTITY_GROUP,
        copy=False,
        help="Full identity-document number; readable by the identity group only.",
    )
    id_number_input = fields.Char(
        string="ID Number Entry",
        compute="_compute_id_number_input",
        inverse="_inverse_id_number_input",
        help="Type the full number to record it; the stored value is masked for you.",
    )

    def _compute_id_number_input(self):
        for worker in self:
            worker.id_number_input = False

    def _inverse_id_number_input(self):
        for worker in self:
            if worker.id_number_input:
                worker.write({"id_number": worker.id_number_input})

    def _identity_values(self, number, document_type):
        """Check ``number`` as the owner file does and return the values to
        store: the full number (identity group) and its mask (everyone)."""
        Partner = self.env["res.partner"]
        Partner._check_identity_number(number, document_type)
        normalized, derived = Partner._prepare_identity_values(number)
        return {
            "id_number": normalized,
            "id_number_masked": derived["id_number_masked"],
        }

    @api.model_create_multi
    def create(self, vals_list):
        numbers = [vals.pop("id_number", None) for vals in vals_list]
        workers = super().create(vals_list)
        for worker, number in zip(workers, numbers, strict=True):
            if number:
                worker.write({"id_number": number})
        return workers

    def write(self, vals):
        """Whoever may edit the worker records the identity number; it is
        stored for the identity group only (written as superuser), masked
        for everyone else."""
        if "id_number" in vals:
            vals = dict(vals)
            number = vals.pop("id_number")
            for worker in self:
                values = worker._identity_values(
                    number, vals.get("id_document_type", worker.id_document_type)
                )
                super(PropertyRenovationWorker, worker.sudo()).write(
                    {"id_number": values["id_number"]}
                )
                super(PropertyRenovationWorker, worker).write(
                    {"id_number_masked": values["id_number_masked"]}
                )
        return super().write(vals) if vals else True
