# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

# models whose export hands out owners' personal information
PERSONAL_DATA_MODEL_PREFIXES = ("property.",)
PERSONAL_DATA_MODELS = ("res.partner", "res.users")
# (model, field) read in the web client that the access log records, with the
# log action of a single record's form and of a list
SENSITIVE_READS = {
    ("res.partner", "id_number"): ("id_number_revealed", "id_number_revealed"),
    ("res.partner", "special_needs"): (
        "special_needs_record",
        "special_needs_ledger",
    ),
    ("property.unit.partner", "special_needs"): (
        "special_needs_record",
        "special_needs_ledger",
    ),
}


class Base(models.AbstractModel):
    _inherit = "base"

    def _deadline_notify_record(self):
        """The record whose chatter and to-dos carry the warnings and
        escalations of this record's deadlines (itself by default)."""
        return self

    def _is_personal_data_model(self):
        return self._name in PERSONAL_DATA_MODELS or self._name.startswith(
            PERSONAL_DATA_MODEL_PREFIXES
        )

    def export_data(self, fields_to_export):
        """Exporting owners' data needs the export right, and is logged (PIPL).

        Odoo only hides the Export button from users without
        ``base.group_allow_export``; the export route and RPC still call
        ``export_data``. For the property models and contacts the right is
        checked here, on the server, so a user without it cannot take owners'
        personal information out in bulk by any path; every export that
        happens goes to the personal-information access log.
        """
        if not self._is_personal_data_model() or self.env.su:
            return super().export_data(fields_to_export)
        if not self.env.user.has_group("base.group_allow_export"):
            raise AccessError(
                self.env._(
                    "You may not export %(model)s: exporting owners' data needs "
                    "the export right, which an administrator grants.",
                    model=self._description,
                )
            )
        result = super().export_data(fields_to_export)
        self.env["property.access.log"]._log(
            "export", self, details=", ".join(fields_to_export)
        )
        return result

    # no @api.readonly on these overrides: a read that shows sensitive data
    # writes an access-log entry, which needs a read-write transaction
    def web_read(self, specification):
        result = super().web_read(specification)
        self._property_log_sensitive_reads(specification, result, single=True)
        return result

    @api.model
    def web_search_read(self, domain, specification, *args, **kwargs):
        result = super().web_search_read(domain, specification, *args, **kwargs)
        self._property_log_sensitive_reads(
            specification, result.get("records", []), single=False
        )
        return result

    def _property_log_sensitive_reads(self, specification, rows, single):
        """Log a form or list that showed a full identity number or special
        needs to a user (the fields are readable by their groups only, so a
        value in the rows means the user saw it)."""
        if self.env.su:
            return
        for (model, field), actions in SENSITIVE_READS.items():
            if model != self._name or field not in specification:
                continue
            shown = [row["id"] for row in rows if row.get(field)]
            if shown:
                self.env["property.access.log"]._log(
                    actions[0] if single and len(shown) == 1 else actions[1],
                    self.browse(shown),
                    details=self._fields[field].string,
                )
