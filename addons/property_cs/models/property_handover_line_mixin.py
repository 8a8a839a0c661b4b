# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class PropertyHandoverLineMixin(models.AbstractModel):
    """What the lines of a handover record share (document checks, keys,
    meter readings): the lock once the owner signed: the signed record is
    what the owner agreed to (D-19). The models define ``handover_id``."""

    _name = "property.handover.line.mixin"
    _description = "Handover Record Line"

    def _check_handover_open(self, handovers=None):
        """Lines of a signed (or cancelled) handover are not changed."""
        if self.env.su:
            return
        handovers = handovers if handovers is not None else self.handover_id
        locked = handovers.filtered(lambda h: h.state in ("done", "cancelled"))
        if locked:
            raise UserError(
                self.env._(
                    "The handover record %(record)s is closed: its lines cannot "
                    "be changed.",
                    record=", ".join(locked.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        handover_ids = [vals.get("handover_id") for vals in vals_list]
        self._check_handover_open(
            self.env["property.handover"].browse([i for i in handover_ids if i])
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_handover_open()
        if vals.get("handover_id"):
            self._check_handover_open(
                self.env["property.handover"].browse(vals["handover_id"])
            )
        return super().write(vals)

    def unlink(self):
        self._check_handover_open()
        return super().unlink()
