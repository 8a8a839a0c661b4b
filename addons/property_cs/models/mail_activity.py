# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

KEY_CONTACT_TYPE = "property_cs.mail_activity_type_key_customer_contact"


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Completing a key customer's recurring contact activity (D-5)
        records the contact as a done care callback; the activity type's
        chaining plans the next contact, nothing else schedules one. The
        "Record Contact" form passes the owner's answer in the context key
        ``property_care_answer`` ({result, unsatisfied_reason})."""
        activity_type = self.env.ref(KEY_CONTACT_TYPE, raise_if_not_found=False)
        contacts = self.filtered(
            lambda a: (
                activity_type
                and a.activity_type_id == activity_type
                and a.res_model == "res.partner"
            )
        )
        answer = self.env.context.get("property_care_answer") or {}
        care_values = [
            {
                "partner_id": activity.res_id,
                "user_id": activity.user_id.id or self.env.user.id,
                "date_due": activity.date_deadline,
                "comment": feedback or False,
                "result": answer.get("result") or False,
                "unsatisfied_reason": answer.get("unsatisfied_reason") or False,
            }
            for activity in contacts
        ]
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if care_values:
            self.env["property.callback"]._create_care_callbacks(care_values)
        return res
