# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError

# The context key that the action methods set to change workflow fields.
# Its value must be this very object: a client calling over RPC can pass any
# JSON in the context, but not a Python object, so the flag cannot be forged.
WORKFLOW_CONTEXT_KEY = "property_workflow_action"
_WORKFLOW_TOKEN = object()


class PropertyWorkflowGuardMixin(models.AbstractModel):
    """Workflow fields change only through action methods (house rule:
    "workflow fields change only through action methods").

    A model lists its workflow fields in ``_workflow_fields``; ``write``
    refuses them unless the call comes from ``_workflow_write`` (used by
    the action methods after their checks) or runs as superuser (system
    code). ``create`` refuses them too, except their default value (forms
    send the default state of a new record)."""

    _name = "property.workflow.guard.mixin"
    _description = "Workflow Field Guard"

    # names of the fields that only the action methods change
    _workflow_fields = ()

    def _workflow_write(self, vals):
        """Write workflow fields from an action method that did its checks."""
        return self.with_context(**{WORKFLOW_CONTEXT_KEY: _WORKFLOW_TOKEN}).write(vals)

    def _workflow_change_allowed(self):
        return self.env.su or (
            self.env.context.get(WORKFLOW_CONTEXT_KEY) is _WORKFLOW_TOKEN
        )

    def _check_workflow_fields(self, names, operation="write"):
        if self._workflow_change_allowed():
            return
        blocked = [name for name in self._workflow_fields if name in names]
        if blocked:
            # who may not write at all is told so first (access error)
            self.check_access(operation)
            labels = ", ".join(
                self._fields[name]._description_string(self.env) for name in blocked
            )
            raise UserError(
                self.env._(
                    "%(fields)s cannot be edited directly on a %(record)s: use "
                    "the buttons of its form, which check who may do it.",
                    fields=labels,
                    record=self._workflow_model_label(),
                )
            )

    def _workflow_model_label(self):
        model = self.env["ir.model"].sudo()._get(self._name)
        return model.name or self._description

    @api.model_create_multi
    def create(self, vals_list):
        if not self._workflow_change_allowed():
            for vals in vals_list:
                defaults = self.default_get(
                    [name for name in self._workflow_fields if name in vals]
                )
                self._check_workflow_fields(
                    [
                        name
                        for name in self._workflow_fields
                        if name in vals and vals[name] != defaults.get(name, False)
                    ],
                    "create",
                )
            context_defaults = [
                name
                for name in self._workflow_fields
                if f"default_{name}" in self.env.context
            ]
            self._check_workflow_fields(context_defaults, "create")
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_fields(vals)
        return super().write(vals)
