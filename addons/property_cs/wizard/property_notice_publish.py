# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PropertyNoticePublish(models.TransientModel):
    """Publication of a notice that needs the publisher's word (issue 14):
    the reason to publish although residents' names were found in it, and
    the confirmation, file by file, that the attachments hold no personal
    information."""

    _name = "property.notice.publish"
    _description = "Publish a Notice"

    notice_id = fields.Many2one("property.notice", required=True, ondelete="cascade")
    names_found = fields.Text(
        readonly=True,
        help="Names of people living in the project found in the notice.",
    )
    reason = fields.Text(
        help="Why the notice may name these people (e.g. they agreed in "
        "writing, or the name is a public body's)."
    )
    line_ids = fields.One2many(
        "property.notice.publish.line", "wizard_id", string="Attachments"
    )

    def action_confirm(self):
        self.ensure_one()
        self.line_ids.filtered(
            "confirmed"
        ).attachment_id.action_confirm_no_personal_data()
        self.notice_id._publish(reason=self.reason)
        return {"type": "ir.actions.act_window_close"}


class PropertyNoticePublishLine(models.TransientModel):
    _name = "property.notice.publish.line"
    _description = "Attachment to Confirm"

    wizard_id = fields.Many2one(
        "property.notice.publish", required=True, ondelete="cascade"
    )
    attachment_id = fields.Many2one(
        "property.notice.attachment", required=True, ondelete="cascade"
    )
    name = fields.Char(related="attachment_id.name")
    datas = fields.Binary(related="attachment_id.datas")
    confirmed = fields.Boolean(
        string="Holds No Personal Information",
        help="I checked this file: it contains no names, phone numbers, "
        "identity numbers or other personal information.",
    )
