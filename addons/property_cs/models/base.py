# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

# models whose export hands out owners' personal information
PERSONAL_DATA_MODEL_PREFIXES = ("property.",)
PERSONAL_DATA_MODELS = ("res.partner", "res.users")


class Base(models.AbstractModel):
    _inherit = "base"

    def export_data(self, fields_to_export):
        """Exporting owners' data needs the export right (PIPL).

        Odoo only hides the Export button from users without
        ``base.group_allow_export``; the export route and RPC still call
        ``export_data``. For the property models and contacts the right is
        checked here, on the server, so a user without it cannot take owners'
        personal information out in bulk by any path.
        """
        if (
            self._name in PERSONAL_DATA_MODELS
            or self._name.startswith(PERSONAL_DATA_MODEL_PREFIXES)
        ) and not (self.env.su or self.env.user.has_group("base.group_allow_export")):
            raise AccessError(
                self.env._(
                    "You may not export %(model)s: exporting owners' data needs "
                    "the export right, which an administrator grants.",
                    model=self._description,
                )
            )
        return super().export_data(fields_to_export)
