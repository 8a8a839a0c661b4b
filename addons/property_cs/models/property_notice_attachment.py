# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyNoticeAttachment(models.Model):
    """A file published with a notice. Nobody can read a scan or a PDF for
    personal information automatically: the publisher confirms for each
    file that it holds none (issue 14); a new version of the file needs a
    new confirmation."""

    _name = "property.notice.attachment"
    _description = "Notice Attachment"
    _inherit = ["property.workflow.guard.mixin"]
    _order = "notice_id, sequence, id"
    _workflow_fields = ("confirmed_uid", "date_confirmed")

    notice_id = fields.Many2one(
        "property.notice", required=True, index=True, ondelete="cascade"
    )
    project_id = fields.Many2one(related="notice_id.project_id", store=True)
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="File Name", required=True)
    datas = fields.Binary(string="File", attachment=True, required=True)
    mimetype = fields.Char(compute="_compute_mimetype")
    confirmed_uid = fields.Many2one(
        "res.users",
        string="Confirmed By",
        readonly=True,
        copy=False,
        help="Who confirmed that the file holds no personal information.",
    )
    date_confirmed = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    is_confirmed = fields.Boolean(
        compute="_compute_is_confirmed", string="No Personal Information"
    )

    @api.depends("datas")
    def _compute_mimetype(self):
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_field", "=", "datas"),
                    ("res_id", "in", self.ids),
                ]
            )
        )
        types = {attachment.res_id: attachment.mimetype for attachment in attachments}
        for line in self:
            line.mimetype = types.get(line.id, False)

    @api.depends("confirmed_uid")
    def _compute_is_confirmed(self):
        for line in self:
            line.is_confirmed = bool(line.confirmed_uid)

    @api.model_create_multi
    def create(self, vals_list):
        notices = self.env["property.notice"].browse(
            [vals["notice_id"] for vals in vals_list if vals.get("notice_id")]
        )
        self._check_notice_draft(notices)
        return super().create(vals_list)

    def write(self, vals):
        """A file changes only while its notice is a draft; a new file needs a
        new confirmation."""
        if not self._workflow_change_allowed():
            self._check_notice_draft(self.notice_id)
        res = super().write(vals)
        if "datas" in vals:
            self._workflow_write({"confirmed_uid": False, "date_confirmed": False})
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self._check_notice_draft(self.notice_id)

    def _check_notice_draft(self, notices):
        if not self.env.su and any(notice.state != "draft" for notice in notices):
            raise UserError(
                self.env._(
                    "The attachments of a published notice cannot be changed: "
                    "withdraw it to draft first."
                )
            )

    def action_confirm_no_personal_data(self):
        """The current user confirms that the files hold no personal
        information (names, phone numbers, identity numbers, unit numbers
        of debtors...)."""
        self._check_notice_draft(self.notice_id)
        self._workflow_write(
            {"confirmed_uid": self.env.user.id, "date_confirmed": fields.Datetime.now()}
        )
        return True
