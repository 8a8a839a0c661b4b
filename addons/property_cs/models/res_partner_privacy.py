# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import fields, models
from odoo.exceptions import AccessError

# what a person's copy of their data contains, per kind of record: the owner
# file's facts, never staff assessments (those come on a written request,
# reviewed by the personal-information officer: include_internal=True)
PERSON_FIELDS = [
    "name",
    "phone",
    "mobile",
    "email",
    "street",
    "city",
    "lang",
    "date_birth",
    "id_document_type",
    "id_number",
    "emergency_contact_name",
    "emergency_contact_phone",
    "emergency_contact_relation",
    "preferred_channel",
    "special_needs",
    "is_life_support",
    "is_frail_alone",
]
PERSON_INTERNAL_FIELDS = [
    "personality_type",
    "owner_group",
    "handling_note",
    "is_committee_member",
    "is_influential",
    "is_prejudiced",
    "is_key_customer",
    "key_customer_reasons",
]
LINK_FIELDS = [
    "project_id",
    "building_id",
    "unit_id",
    "role",
    "share",
    "date_start",
    "date_end",
    "date_move_in",
    "date_move_out",
]
HOUSEHOLD_FIELDS = ["unit_id", "partner_id", "role"]
VEHICLE_FIELDS = ["name", "brand", "color", "project_id", "parking_space_id"]
PARKING_FIELDS = ["name", "project_id", "space_type", "holding", "unit_id"]
CONSENT_FIELDS = ["scope", "purpose", "date", "date_withdrawn"]
TICKET_FIELDS = [
    "number",
    "kind",
    "channel",
    "project_id",
    "unit_id",
    "common_area",
    "category_id",
    "name",
    "description",
    "date_reported",
    "date_done",
    "date_closed",
    "state",
    "owner_reply",
]
CALLBACK_FIELDS = ["ticket_id", "kind", "date_done", "result", "comment"]


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _property_personal_data(self, include_internal=False):
        """A person's copy of the personal information the property company
        holds about them (PIPL Arts. 45 and 50), as a JSON-ready dict: owner
        file, unit links, the household of their units (names and roles),
        vehicles, parking spaces, consents, their requests and complaints with
        the replies, and their callbacks.

        Read as superuser, but only records *about this person*; staff
        assessments are left out unless ``include_internal`` (a written
        request handled by the personal-information officer).
        """
        self.ensure_one()
        partner = self.sudo()
        person_fields = PERSON_FIELDS + (
            PERSON_INTERNAL_FIELDS if include_internal else []
        )
        links = partner.with_context(active_test=False).unit_link_ids
        current_units = links.filtered("is_current").unit_id
        household = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("unit_id", "in", current_units.ids),
                    ("is_current", "=", True),
                    ("partner_id", "!=", partner.id),
                ]
            )
        )
        Consent = self.env["property.consent"].sudo().with_context(active_test=False)
        tickets = (
            self.env["property.ticket"]
            .sudo()
            .search([("partner_id", "=", partner.id)], order="date_reported")
        )
        callbacks = (
            self.env["property.callback"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("state", "=", "done")],
                order="date_done",
            )
        )
        return {
            "generated": fields.Datetime.to_string(fields.Datetime.now()),
            "company": self.env.company.name,
            "person": self._property_rows(partner, person_fields)[0],
            "units": self._property_rows(links, LINK_FIELDS),
            "household": self._property_rows(household, HOUSEHOLD_FIELDS),
            "vehicles": self._property_rows(partner.vehicle_ids, VEHICLE_FIELDS),
            "parking_spaces": self._property_rows(
                partner.parking_space_ids, PARKING_FIELDS
            ),
            "consents": self._property_rows(
                Consent.search([("partner_id", "=", partner.id)]), CONSENT_FIELDS
            ),
            "requests_and_complaints": self._property_rows(tickets, TICKET_FIELDS),
            "callbacks": self._property_rows(callbacks, CALLBACK_FIELDS),
        }

    def _property_rows(self, records, field_names):
        """Records as lists of {label: value} in the reader's language:
        selections by their label, links by their name, dates as ISO text."""
        rows = []
        for record in records:
            row = {}
            for name in field_names:
                field = record._fields[name]
                value = record[name]
                if field.type == "selection":
                    value = dict(field._description_selection(self.env)).get(value)
                elif field.type == "many2one":
                    value = value.display_name or None
                elif field.type in ("date", "datetime"):
                    value = field.to_string(value) if value else None
                elif field.type == "html":
                    value = value and str(value)
                elif value is False and field.type != "boolean":
                    value = None
                row[field._description_string(self.env)] = value
            rows.append(row)
        return rows

    def _property_personal_data_file(self, include_internal=False):
        """The copy as ``(file name, JSON bytes)`` for the current user, who
        must be the person or the officer; logged in the access log."""
        self._property_check_copy_right(include_internal)
        data = self._property_personal_data(include_internal=include_internal)
        self.env["property.access.log"]._log(
            "export",
            self,
            details=self.env._("Copy of personal data for the person"),
        )
        name = f"personal-data-{self.id}-{fields.Date.today()}.json"
        return name, json.dumps(data, ensure_ascii=False, indent=2).encode()

    def _property_check_copy_right(self, include_internal):
        """A person downloads their own copy; staff's copies (assessments
        included) come from the personal-information officer only."""
        self.ensure_one()
        user = self.env.user
        if include_internal:
            allowed = user.has_group("property_cs.group_property_cs_privacy")
        else:
            allowed = user.partner_id == self or user.has_group(
                "property_cs.group_property_cs_privacy"
            )
        if not allowed:
            raise AccessError(
                self.env._(
                    "Only the person themself or the personal-information "
                    "officer may obtain a copy of a person's data."
                )
            )

    def action_property_export_personal_data(self):
        """Staff answer a person's written request for a copy of their data:
        the personal-information officer downloads the file, staff
        assessments included, to review before handing it over."""
        self._property_check_copy_right(include_internal=True)
        return {
            "type": "ir.actions.act_url",
            "url": f"/property/personal_data/{self.id}",
            "target": "self",
        }
