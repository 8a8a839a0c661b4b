# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .property_warranty_defect import (
    HANDED_TEXT_FIELDS,
    IDENTITY_PATTERN,
    PHONE_PATTERN,
)


class PropertyWarrantyDefect(models.Model):
    """The hand-off of warranty defects to the developer (D-22): due date by
    severity, the check that no personal data leaves with the text, and the
    hand-over of a joint inspection's defects when the owner signs."""

    _inherit = "property.warranty.defect"

    def _default_date_due(self, day=None):
        """The due date of a hand-off: the project's days for the
        severity, from ``day`` (today in the company's time zone)."""
        self.ensure_one()
        project = self.project_id.sudo()
        days = {
            "critical": project.warranty_days_critical,
            "major": project.warranty_days_major,
            "minor": project.warranty_days_minor,
        }[self.severity]
        return (day or self._today()) + timedelta(days=max(days, 0))

    def _check_handoff_text(self):
        """What is handed over names the unit and the defect only: no phone
        number, identity number or owner's name in the texts."""
        for defect in self.sudo():
            text = "\n".join(defect[f] or "" for f in HANDED_TEXT_FIELDS)
            if PHONE_PATTERN.search(text) or IDENTITY_PATTERN.search(text):
                raise UserError(
                    self.env._(
                        "%(defect)s: remove the phone or identity number from "
                        "the text; the developer is shown the unit and the "
                        "description only.",
                        defect=defect.display_name,
                    )
                )
            names = (defect.partner_id | defect.ticket_id.partner_id).mapped("name")
            if any(name and len(name) > 1 and name in text for name in names):
                raise UserError(
                    self.env._(
                        "%(defect)s: remove the owner's name from the text; "
                        "the developer is shown the unit and the description "
                        "only.",
                        defect=defect.display_name,
                    )
                )

    def action_hand_to_developer(self):
        """Pass the defects to the developer: each gets its due date (the
        project's days for its severity unless set), the clock starts on the
        deadline engine, the developer's contacts are told in the defect's
        history and the owner is told in their language. A defect outside
        the developer's warranty of its category is refused."""
        for defect in self:
            if defect.state != "draft":
                raise UserError(
                    self.env._(
                        "%(defect)s was already passed to the developer.",
                        defect=defect.display_name,
                    )
                )
            if not defect.developer_partner_id:
                raise UserError(
                    self.env._(
                        "Set the developer of %(defect)s (or of its project) first.",
                        defect=defect.display_name,
                    )
                )
            if defect.kind == "defect" and not defect.is_within_warranty:
                raise UserError(
                    self.env._(
                        "The developer's warranty for %(category)s of %(unit)s "
                        "ended on %(date)s: this repair is not the developer's.",
                        category=defect.category_id.name,
                        unit=defect.unit_name,
                        date=format_date(self.env, defect.warranty_until),
                    )
                )
        self.check_access("write")
        self._check_handoff_text()
        now = fields.Datetime.now()
        for defect in self:
            defect._workflow_write(
                {
                    "state": "handed",
                    "date_handed": now,
                    "date_due": defect.date_due or defect._default_date_due(),
                }
            )
        self._handed_notify()
        return True

    def _hand_over_from_inspection(self):
        """Pass on the defects of a joint inspection when the owner signs
        the handover (called by the handover): each recorded defect goes to
        the developer; one that cannot (no developer, personal data in its
        text) stays recorded and its follower (else the project manager)
        gets a to-do with the reason, so that the signature goes through.
        Returns the defects handed over."""
        handed = self.browse()
        for defect in self.filtered(lambda d: d.state == "draft"):
            try:
                with self.env.cr.savepoint():
                    defect.action_hand_to_developer()
                handed |= defect
            except UserError as error:
                user = defect.user_id or defect.project_id.sudo().manager_id
                if user:
                    defect.sudo().activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=defect._company_env()._(
                            "Pass this defect to the developer"
                        ),
                        note=str(error.args[0]),
                        user_id=user.id,
                    )
        return handed
