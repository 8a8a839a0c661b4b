# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .constants import RENOVATION_DOCUMENT_TYPES
from .property_renovation_review import RENOVATION_REVIEW_STATES
from .property_unit_partner import OWNER_ROLES

# the document types the portal form offers an upload field for
PORTAL_DOCUMENT_TYPES = tuple(kind for kind, __ in RENOVATION_DOCUMENT_TYPES)


class PropertyRenovation(models.Model):
    """What applicants do with their renovation applications in the portal
    (D-20): apply from a unit, amend and resubmit, tick the declarations
    and sign the rules, withdraw. The controller calls one of these methods
    per action; each checks that the partner is the applicant, then acts
    as superuser."""

    _inherit = "property.renovation"

    # ------------------------------------------------------------------
    # reading
    # ------------------------------------------------------------------
    @api.model
    def _portal_units_for(self, partner):
        """Units ``partner`` may apply for: those they currently own, rent
        or live in (as superuser: only their names are shown)."""
        return self.env["property.unit.partner"]._portal_current_units(partner)

    @api.model
    def _portal_domain(self, partner):
        """Applications listed in the portal: the partner's own and those
        of the units they currently own (the record rules say the same)."""
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("role", "in", list(OWNER_ROLES)),
                    ("is_current", "=", True),
                ]
            )
        )
        return [
            "|",
            ("applicant_id", "=", partner.id),
            ("unit_id", "in", links.unit_id.ids),
        ]

    def _portal_state_label(self):
        """The status in plain words for the applicant."""
        self.ensure_one()
        labels = {
            "draft": self.env._("Not submitted yet"),
            "submitted": self.env._("Received, documents being checked"),
            "engineering": self.env._("Under engineering review"),
            "changes": self.env._("Changes needed, please amend"),
            "approval": self.env._("Awaiting the project manager's approval"),
            "approved": self.env._("Approved, works may start"),
            "stopped": self.env._("Works stopped"),
            "completion": self.env._("Awaiting acceptance"),
            "accepted": self.env._("Accepted"),
            "closed": self.env._("Closed"),
            "rejected": self.env._("Not approved"),
            "cancelled": self.env._("Withdrawn"),
        }
        return labels.get(self.state, self.state)

    def _portal_is_applicant(self, partner):
        self.ensure_one()
        return self.applicant_id == partner

    def _portal_values(self, partner):
        """What the applicant, or an owner of the unit, sees of an
        application: never the reviewers' internal opinion nor the workers'
        identity numbers beyond their mask."""
        self.ensure_one()
        is_applicant = self._portal_is_applicant(partner)
        project = self.project_id
        prohibitions = self.env["property.renovation.prohibition"].sudo().search([])
        return {
            "renovation": self,
            "page_name": "property_renovation",
            "state_label": self._portal_state_label(),
            "missing": (self.missing_documents or "").split("\n")
            if self.missing_documents
            else [],
            "documents": self.document_ids,
            "workers": self.worker_ids,
            "rules": project.renovation_rules,
            "working_hours": project.renovation_working_hours,
            "waste_rules": project.renovation_waste_rules,
            "deposit_terms": project.renovation_deposit_terms,
            "prohibitions": prohibitions,
            "all_ticked": not (prohibitions - self.prohibition_ids),
            "is_applicant": is_applicant,
            "can_edit": is_applicant and self.state in ("draft", "changes"),
            "can_submit": is_applicant and self.state in ("draft", "changes"),
            "can_sign": is_applicant
            and self.state in RENOVATION_REVIEW_STATES
            and not self.is_signed,
            "can_cancel": is_applicant and self.state in RENOVATION_REVIEW_STATES,
            # the works on site, the deposit and the printed documents
            **self._portal_works_values(),
            "deposit": self._renovation_portal_deposit_values()
            if self.deposit_state != "none"
            else False,
            "access_token": False,
        }

    @api.model
    def _portal_form_values(self, partner):
        """Choices of the application form."""
        scopes = self.env["property.renovation.scope"].sudo().search([])
        labels = dict(RENOVATION_DOCUMENT_TYPES)
        document_labels = dict(
            self.env["property.renovation.document"]
            ._fields["document_type"]
            ._description_selection(self.env)
        )
        return {
            "units": self._portal_units_for(partner),
            "scopes": scopes,
            "document_types": [
                (kind, document_labels.get(kind, labels[kind]))
                for kind in PORTAL_DOCUMENT_TYPES
            ],
        }

    # ------------------------------------------------------------------
    # acting
    # ------------------------------------------------------------------
    def _portal_check_applicant(self, partner):
        self.ensure_one()
        if not self._portal_is_applicant(partner):
            raise AccessError(
                self.env._("Only the applicant can change this application.")
            )

    @api.model
    def _portal_parse_date(self, value, label):
        if not value:
            return False
        try:
            return fields.Date.to_date(value)
        except ValueError as exc:
            raise UserError(
                self.env._("%(field)s is not a valid date.", field=label)
            ) from exc

    def _portal_prepare_values(self, values):
        """Field values from the posted form (strings and lists)."""
        scope_ids = []
        for scope_id in values.get("scope_ids") or []:
            try:
                scope_ids.append(int(scope_id))
            except ValueError:
                continue
        scopes = (
            self.env["property.renovation.scope"]
            .sudo()
            .search([])
            .filtered(lambda scope: scope.id in scope_ids)
        )
        uses_contractor = bool(values.get("uses_contractor"))
        vals = {
            "scope_ids": [fields.Command.set(scopes.ids)],
            "description": (values.get("description") or "").strip() or False,
            "uses_contractor": uses_contractor,
            "neighbour_notice": bool(values.get("neighbour_notice")),
            "date_start": self._portal_parse_date(
                values.get("date_start"), self.env._("Planned Start")
            ),
            "date_end": self._portal_parse_date(
                values.get("date_end"), self.env._("Planned End")
            ),
        }
        for name in (
            "contractor_name",
            "contractor_licence",
            "contractor_manager",
            "contractor_phone",
        ):
            vals[name] = (values.get(name) or "").strip()[:200] or False
        return vals

    def _portal_add_workers(self, workers):
        """Add the workers posted (dicts of name, phone, trade, id_number);
        rows without a name are ignored."""
        self.ensure_one()
        rows = [
            {
                "renovation_id": self.id,
                "name": worker["name"].strip()[:100],
                "phone": (worker.get("phone") or "").strip()[:30] or False,
                "trade": (worker.get("trade") or "").strip()[:60] or False,
                "id_number": (worker.get("id_number") or "").strip() or False,
            }
            for worker in workers or []
            if (worker.get("name") or "").strip()
        ]
        if rows:
            self.env["property.renovation.worker"].sudo().create(rows)

    def _portal_attach_documents(self, uploads):
        """Attach the files posted per document type, checked against the
        company's upload policy for renovation applications.

        :param uploads: dict document type -> list of (file name, bytes)
        """
        self.ensure_one()
        flat = [
            (kind, name, content)
            for kind in PORTAL_DOCUMENT_TYPES
            for name, content in (uploads or {}).get(kind, [])
            if content
        ]
        if not flat:
            return
        checked = self.company_id._property_check_uploads(
            [(name, content) for __, name, content in flat], "renovation"
        )
        Document = self.env["property.renovation.document"].sudo()
        for (kind, __, __), (name, content, mimetype) in zip(
            flat, checked, strict=True
        ):
            document = self.sudo().document_ids.filtered(
                lambda d, kind=kind: d.document_type == kind
            )[:1] or Document.create({"renovation_id": self.id, "document_type": kind})
            attachment = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": name,
                        "raw": content,
                        "mimetype": mimetype,
                        "res_model": "property.renovation.document",
                        "res_id": document.id,
                    }
                )
            )
            document.attachment_ids = [fields.Command.link(attachment.id)]

    @api.model
    def _portal_apply(self, partner, values, uploads=None):
        """Record an application from the portal as a draft the applicant
        then submits (D-20).

        :param values: ``unit_id``, ``scope_ids`` (list), ``description``,
            ``uses_contractor``, ``contractor_*``, ``date_start``,
            ``date_end``, ``neighbour_notice``, ``workers`` (list of dicts)
        :param uploads: dict document type -> list of (file name, bytes)
        :return: the new application, as superuser
        :raise AccessError: the unit is not one of the partner's units
        :raise UserError: a value is invalid, a file refused
        """
        try:
            unit_id = int(values.get("unit_id") or 0)
        except ValueError:
            unit_id = 0
        unit = self._portal_units_for(partner).filtered(lambda u: u.id == unit_id)
        if not unit:
            raise AccessError(
                self.env._("You can only apply for a unit you own, rent or live in.")
            )
        vals = self._portal_prepare_values(values)
        if vals["date_start"] and vals["date_start"] < fields.Date.context_today(
            self.with_context(tz=unit.project_id.tz or "UTC")
        ):
            raise UserError(self.env._("The planned start cannot be in the past."))
        renovation = self.sudo().create(
            {
                **vals,
                "unit_id": unit.id,
                "applicant_id": partner.id,
                "channel": "portal",
                "user_id": False,
            }
        )
        renovation.message_subscribe(partner_ids=partner.ids)
        renovation._portal_add_workers(values.get("workers"))
        renovation._portal_attach_documents(uploads)
        renovation.message_post(
            body=self.env._("Application recorded from the portal."),
            author_id=partner.id,
        )
        return renovation

    def _portal_amend(self, partner, values, uploads=None):
        """The applicant amends a draft or an application sent back with
        changes requested; added workers and files join the existing ones."""
        self.ensure_one()
        self._portal_check_applicant(partner)
        self._check_state(("draft", "changes"))
        self.sudo().write(self._portal_prepare_values(values))
        self._portal_add_workers(values.get("workers"))
        self._portal_attach_documents(uploads)
        self.sudo().message_post(
            body=self.env._("Application amended by the applicant."),
            author_id=partner.id,
        )
        return self

    def _portal_submit(self, partner):
        """The applicant submits (or resubmits after changes)."""
        self.ensure_one()
        self._portal_check_applicant(partner)
        return self.sudo().action_submit()

    def _portal_declare(self, partner, prohibition_ids):
        """The applicant ticks the declarations (before signing)."""
        self.ensure_one()
        self._portal_check_applicant(partner)
        self._check_state(RENOVATION_REVIEW_STATES)
        ids = []
        for value in prohibition_ids or []:
            try:
                ids.append(int(value))
            except ValueError:
                continue
        prohibitions = (
            self.env["property.renovation.prohibition"]
            .sudo()
            .search([])
            .filtered(lambda prohibition: prohibition.id in ids)
        )
        self.sudo()._workflow_write(
            {"prohibition_ids": [fields.Command.set(prohibitions.ids)]}
        )
        return self

    def _portal_sign(self, partner, name, signature, ip_address):
        """The applicant signs the rules with the portal signature form."""
        self.ensure_one()
        self._portal_check_applicant(partner)
        return self.sudo()._sign(name, signature, ip_address)

    def _portal_cancel(self, partner):
        """The applicant withdraws the application before its approval."""
        self.ensure_one()
        self._portal_check_applicant(partner)
        self.sudo()._cancel()
        self.sudo().message_post(
            body=self.env._("Application withdrawn by the applicant."),
            author_id=partner.id,
        )
        return self

    def get_portal_url(
        self,
        suffix=None,
        report_type=None,
        download=None,
        query_string=None,
        anchor=None,
    ):
        """The application's portal page, never with a token: only the
        applicant and the unit's current owners open it (record rules), so
        a link forwarded to anybody else opens nothing (D-3, D-20)."""
        self.ensure_one()
        params = "".join(
            (
                f"&report_type={report_type}" if report_type else "",
                "&download=true" if download else "",
                query_string or "",
            )
        )
        if params:
            params = "?" + params.lstrip("&?")
        return (
            f"{self.access_url}{suffix or ''}{params}{'#' + anchor if anchor else ''}"
        )
