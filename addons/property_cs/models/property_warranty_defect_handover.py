# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PropertyWarrantyDefect(models.Model):
    """The photos of a defect found in the joint inspection at handover
    (D-19); the defect itself is followed with the developer in
    property_warranty_defect.py."""

    _inherit = "property.warranty.defect"

    photo_ids = fields.Many2many(
        "ir.attachment",
        "property_warranty_defect_photo_rel",
        "defect_id",
        "attachment_id",
        string="Photos",
        help="Photos of the defect taken during the inspection.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        defects = super().create(vals_list)
        defects._attach_photos()
        return defects

    def write(self, vals):
        res = super().write(vals)
        if "photo_ids" in vals:
            self._attach_photos()
        return res

    def _attach_photos(self):
        """The photos uploaded for a defect belong to it: whoever may read
        the defect may read its photos (uploads of a defect not saved yet
        have no record). Files attached to another record stay theirs."""
        for defect in self:
            photos = defect.sudo().photo_ids.filtered(
                lambda a, defect=defect: (
                    a.res_model in (False, defect._name)
                    and not a.res_id
                    and not a.res_field
                )
            )
            if photos:
                photos.write({"res_model": defect._name, "res_id": defect.id})
