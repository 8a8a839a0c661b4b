# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class PropertyWarrantyDefect(models.Model):
    """The developer's side of a warranty defect (D-22): its contacts are
    portal users of the developer company; they answer (with a planned
    repair date) and report the repair, from the portal or taken down by
    staff. The developer is told in its language when an item is handed
    to it and reminded when a repair is overdue. The portal shows what
    ``_portal_developer_values`` returns and nothing of the owner."""

    _inherit = "property.warranty.defect"

    def _developer_contacts(self):
        """The developer's contacts who read the portal (its users), else
        the developer itself."""
        self.ensure_one()
        developer = self.sudo().developer_partner_id.commercial_partner_id
        contacts = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id.commercial_partner_id", "=", developer.id),
                    ("share", "=", True),
                ]
            )
            .partner_id
        )
        return contacts or developer

    def _handed_notify(self):
        """Tell the developer (its portal contacts follow the defect) and
        the owner that the defect was handed over."""
        for defect in self.sudo():
            contacts = defect._developer_contacts()
            defect.message_subscribe(partner_ids=contacts.ids)
            env = defect._partner_env(defect.developer_partner_id)
            values = {
                "developer": defect.developer_partner_id.name,
                "item": defect.item,
                "unit": defect.unit_name,
                "date": format_date(env, defect.date_due),
            }
            body = (
                env._(
                    "Quality complaint passed to %(developer)s: %(item)s in "
                    "%(unit)s, answer due by %(date)s. Please answer in the portal.",
                    **values,
                )
                if defect.kind == "complaint"
                else env._(
                    "Warranty defect passed to %(developer)s: %(item)s in "
                    "%(unit)s, repair due by %(date)s. Please answer in the portal.",
                    **values,
                )
            )
            defect.message_post(
                body=body,
                partner_ids=contacts.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            defect._notify_owner("handed")

    def _warranty_overdue(self):
        """The repair is overdue (the breach, reaction of a base.automation
        rule): the developer is reminded in its language in the defect's
        history, and the follower gets a to-do to chase it."""
        for defect in self.sudo().filtered(lambda d: d.state == "handed"):
            env = defect._partner_env(defect.developer_partner_id)
            defect.message_post(
                body=env._(
                    "The repair of %(item)s in %(unit)s was due on %(date)s. "
                    "Please repair it without delay and answer in the portal.",
                    item=defect.item,
                    unit=defect.unit_name,
                    date=format_date(env, defect.date_due),
                ),
                partner_ids=defect._developer_contacts().ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            if defect.user_id:
                company_env = defect._company_env()
                defect.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=company_env._("Chase the developer: repair overdue"),
                    user_id=defect.user_id.id,
                )
        return True

    def _record_answer(self, answer, date_planned=False):
        """Record the developer's answer (from the portal or taken down by
        staff): the owner is told, and for a complaint the answer goes to
        the complaint's handler to reply to the owner."""
        self.ensure_one()
        answer = (answer or "").strip()
        if not answer:
            raise UserError(self.env._("Write the developer's answer."))
        self._check_state(
            ("handed",), self.env._("Only an item with the developer can be answered.")
        )
        if date_planned and date_planned < self._today():
            raise UserError(self.env._("The planned repair date is in the past."))
        defect = self.sudo()
        defect.write(
            {
                "developer_answer": answer,
                "date_answered": fields.Datetime.now(),
                "date_planned": date_planned or False,
            }
        )
        defect._notify_owner("answered")
        if defect.kind == "complaint" and defect.ticket_id:
            ticket = defect.ticket_id
            env = defect._company_env()
            ticket.message_post(
                body=env._(
                    "Answer of the developer %(developer)s: %(answer)s",
                    developer=defect.developer_partner_id.name,
                    answer=answer,
                ),
                subtype_xmlid="mail.mt_note",
            )
            if ticket.user_id:
                ticket.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=env._("Reply to the owner with the developer's answer"),
                    user_id=ticket.user_id.id,
                )
        elif defect.user_id:
            defect.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=defect._company_env()._("Check the developer's answer"),
                user_id=defect.user_id.id,
            )
        return True

    def _record_fixed(self, note=False):
        """The developer reports the repair done: the deadline is met; the
        follower verifies it with the owner."""
        self._check_state(
            ("handed",),
            self.env._("Only a defect with the developer can be reported repaired."),
        )
        for defect in self:
            defect._workflow_write(
                {
                    "state": "fixed",
                    "date_fixed": fields.Datetime.now(),
                    "fix_note": (note or "").strip() or defect.fix_note,
                }
            )
            defect.sudo()._notify_owner("fixed")
            if defect.user_id:
                defect.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=defect._company_env()._("Verify the developer's repair"),
                    user_id=defect.user_id.id,
                )
        return True

    # ------------------------------------------------------------------
    # PORTAL (developer contacts)
    # ------------------------------------------------------------------
    @api.model
    def _portal_developer_domain(self, partner, view="open"):
        """The items handed to ``partner``'s company, as the record rules
        also restrict them: "open" (with the developer), "overdue", "done"
        (repaired or closed) or "all"."""
        domain = [
            (
                "developer_partner_id",
                "=",
                partner.commercial_partner_id.id,
            ),
            ("state", "not in", ("draft", "cancelled")),
        ]
        if view == "open":
            domain.append(("state", "=", "handed"))
        elif view == "overdue":
            domain.append(("is_overdue", "=", True))
        elif view == "done":
            domain.append(("state", "in", ("fixed", "closed")))
        return domain

    def _portal_developer_values(self):
        """What the developer's page shows, and only that: the unit, the
        item, the description, the category and the dates (read with the
        caller's rights, which are the record rules' and exclude the owner
        fields); the photos get an access token."""
        self.ensure_one()
        self.check_access("read")
        selections = {
            name: dict(self._fields[name]._description_selection(self.env))
            for name in ("state", "severity", "kind")
        }
        photos = self.sudo().attachment_ids.filtered(
            lambda a: (a.mimetype or "").startswith("image/")
        )
        for photo in photos:
            photo.generate_access_token()
        return {
            "defect": self,
            "defect_state": selections["state"][self.state],
            "defect_severity": selections["severity"][self.severity],
            "defect_kind": selections["kind"][self.kind],
            "category_name": self.category_id.sudo().name or "",
            "photos": photos,
            "can_answer": self.state == "handed",
            "can_report_fixed": self.state == "handed" and self.kind == "defect",
        }

    def _portal_check_uploads(self, photos):
        return self.company_id._property_check_uploads(photos or [], "portal")

    def _portal_answer(self, text, date_planned=False, photos=None):
        """A developer contact answers in the portal (with the planned
        repair date and photos): posted in the history under their name and
        recorded. Read with the caller's rights: the record rules decide
        who may.

        :param photos: list of ``(file name, bytes)``
        """
        self.ensure_one()
        self.check_access("read")
        if isinstance(date_planned, str):
            try:
                date_planned = (
                    fields.Date.to_date(date_planned) if date_planned else False
                )
            except ValueError as exc:
                raise UserError(self.env._("The planned date is not a date.")) from exc
        checked = self._portal_check_uploads(photos)
        self._record_answer(text, date_planned)
        self.sudo().message_post(
            body=(text or "").strip(),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[(name, content) for name, content, _mimetype in checked],
        )
        return self

    def _portal_report_fixed(self, note, photos=None):
        """A developer contact reports the repair done, with photos: the
        deadline is met and the follower verifies it with the owner."""
        self.ensure_one()
        self.check_access("read")
        note = (note or "").strip()
        if not note:
            raise UserError(self.env._("Describe the repair done."))
        checked = self._portal_check_uploads(photos)
        self.sudo()._record_fixed(note)
        self.sudo().message_post(
            body=note,
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[(name, content) for name, content, _mimetype in checked],
        )
        return self

    @api.model
    def _portal_developer_view_labels(self):
        """[(view, label)] of the developer's list filters."""
        return [
            ("open", self.env._("To Repair or Answer")),
            ("overdue", self.env._("Overdue")),
            ("done", self.env._("Repaired")),
            ("all", self.env._("All")),
        ]
