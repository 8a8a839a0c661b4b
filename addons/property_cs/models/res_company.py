# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

SATISFACTION_CHANNELS = [
    ("rating", "Rating"),
    ("callback", "Callback"),
    ("survey", "Pulse Survey"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    property_key_area_share = fields.Float(
        string="Key Customer Floor-Area Share (%)",
        default=5.0,
        help="An owner holding at least this share of a project's total gross "
        "floor area is a key customer.",
    )
    property_key_contact_interval = fields.Integer(
        string="Key Customer Contact Interval",
        default=1,
        help="How often the project manager contacts each key customer.",
    )
    property_key_contact_interval_unit = fields.Selection(
        [("days", "Days"), ("weeks", "Weeks"), ("months", "Months")],
        string="Key Customer Contact Interval Unit",
        default="months",
    )
    # billing
    property_lpr_rate = fields.Float(
        string="Loan Prime Rate (%)",
        digits=(5, 2),
        default=3.0,
        help="The one-year loan prime rate (LPR) in force: a late fee above "
        "1.3 times it a year is flagged, as courts usually reduce it.",
    )
    property_collection_limitation_months = fields.Integer(
        string="Limitation Warning After (months)",
        default=30,
        help="Warn on a collection case when a bill has had no demand that "
        "reached the payer for this many months (the limitation period is "
        "three years and each demand restarts it). 0: no warning.",
    )
    property_billing_chunk_size = fields.Integer(
        string="Units per Billing Chunk",
        default=200,
        help="A billing run is split into chunks of this many units; each "
        "chunk is billed and committed by one billing worker.",
    )
    property_billing_time_budget = fields.Integer(
        string="Billing Worker Time Budget (seconds)",
        default=240,
        help="A billing worker stops claiming chunks after this time and "
        "wakes again; keep it well below the cron time limit.",
    )
    # service times (D-7)
    property_sla_warning_minutes = fields.Integer(
        string="SLA Warning Before Breach (minutes)",
        default=5,
        help="Warn the assignee this many minutes before a deadline.",
    )
    property_sla_supervisor_delay = fields.Integer(
        string="Escalate to Supervisor After (minutes)",
        default=0,
        help="Minutes after a breach before the supervisor is told.",
    )
    property_sla_manager_delay = fields.Integer(
        string="Escalate to Project Manager After (minutes)",
        default=60,
        help="Minutes after a breach before the project manager is told.",
    )
    property_sla_head_office_delay = fields.Integer(
        string="Escalate to Head Office After (minutes)",
        default=240,
        help="Minutes after a breach before head office is told.",
    )

    property_satisfaction_channel = fields.Selection(
        SATISFACTION_CHANNELS,
        string="Satisfaction Contact",
        default="rating",
        required=True,
        help="The one way each closed ticket's owner is asked about their "
        "satisfaction.",
    )
    property_auto_confirm_days = fields.Integer(
        string="Auto-Confirm After (Days)",
        default=3,
        help="Done tickets the owner does not answer are confirmed after this "
        "many days; 0 disables it.",
    )
    property_confirm_link_days = fields.Integer(
        string="Confirmation Link Validity (Days)",
        default=7,
        help="Days during which the link of the done mail lets the requester "
        "confirm or reopen the request without signing in. Each link works "
        "once.",
    )
    property_totp_personal_data = fields.Boolean(
        string="Two-Factor Login for Sensitive Personal Data",
        default=True,
        help="Staff who may read identity numbers or special-needs records, "
        "and head office, must confirm each new sign-in with a second factor: "
        "an authenticator app, or else a code sent to their email.",
    )
    property_access_log_days = fields.Integer(
        string="Access Log Retention (Days)",
        default=1095,
        help="Entries of the personal-information access log are deleted after "
        "this many days; 0 keeps them.",
    )
    property_suggestion_reply_days = fields.Integer(
        string="Suggestion Reply Days",
        default=7,
        help="A reasoned reply to a suggestion is due within this many days.",
    )
    # callbacks (D-24)
    property_callback_delay_days = fields.Integer(
        string="Callback Delay (Days)",
        default=3,
        help="A callback is due this many days after the ticket is done or "
        "closed, unless its callback rule says otherwise.",
    )
    property_callback_max_attempts = fields.Integer(
        string="Callback Attempts",
        default=3,
        help="After this many unreachable attempts a callback fails, unless "
        "its callback rule says otherwise.",
    )

    # complaints (D-16 to D-18)
    property_complaint_reply_days_minor = fields.Integer(
        string="Complaint Reply Days (Minor)",
        default=10,
        help="Calendar days to reply to a minor complaint; the Hangzhou "
        "regulation sets at most 10 days from receipt.",
    )
    property_complaint_reply_days_serious = fields.Integer(
        string="Complaint Reply Days (Serious)",
        default=10,
        help="Calendar days to reply to a serious complaint (Hangzhou "
        "regulation: at most 10).",
    )
    property_complaint_reply_days_critical = fields.Integer(
        string="Complaint Reply Days (Critical)",
        default=10,
        help="Calendar days to reply to a critical complaint (Hangzhou "
        "regulation: at most 10).",
    )
    property_complaint_reply_warning_days = fields.Integer(
        string="Complaint Reply Warning (Days Before)",
        default=2,
        help="Warn the handler this many days before the reply is due.",
    )
    property_complaint_form_ip_limit = fields.Integer(
        string="Public Complaints per IP and Hour",
        default=5,
        help="Complaints the public form accepts from one client address per "
        "hour; 0 = no limit.",
    )
    property_complaint_form_email_limit = fields.Integer(
        string="Public Complaints per Email and Day",
        default=3,
        help="Complaints the public form accepts with one email per day; 0 = no limit.",
    )
    property_complaint_upload_max_files = fields.Integer(
        string="Public Complaint Files",
        default=3,
        help="Photos or PDF files one public complaint may attach.",
    )
    property_complaint_upload_max_mb = fields.Integer(
        string="Public Complaint File Size (MB)",
        default=5,
        help="Largest file the public complaint form accepts.",
    )
    property_complaint_compensation_threshold = fields.Float(
        string="Compensation Approval Above",
        default=500.0,
        help="Compensations above this amount need the project manager's approval.",
    )
    property_complaint_compensation_account_id = fields.Many2one(
        "account.account",
        string="Compensation Expense Account",
        check_company=True,
    )
    property_complaint_compensation_journal_id = fields.Many2one(
        "account.journal",
        string="Compensation Payment Journal",
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )

    property_identity_lookup_limit = fields.Integer(
        string="Identity-Number Searches per User and Hour",
        default=20,
        help="Searches of a contact by the full identity-document number one "
        "user may make per hour; every search is logged.",
    )

    def write(self, vals):
        if "partner_id" in vals:
            # the language of a company is its partner's (cached)
            self.env.registry.clear_cache()
        res = super().write(vals)
        if "property_key_area_share" in vals:
            self._property_refresh_key_customers()
        return res

    def _property_refresh_key_customers(self):
        """The floor-area threshold is not a dependency of the stored
        key-customer flag: when it changes, re-evaluate every owner of the
        companies' projects (D-5)."""
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("project_id.company_id", "in", self.ids),
                    ("role", "in", ["owner", "co_owner"]),
                ]
            )
        )
        self.env["res.partner"].sudo()._refresh_key_customer(links.partner_id)

    @tools.ormcache("self.id")
    def _property_lang(self):
        """Language of what the system writes for this company (crons,
        automation, demo): the company partner's language when it is active,
        else the default language of new contacts, else English. Cached:
        changing a partner's language or the defaults clears it."""
        self.ensure_one()
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        lang = self.sudo().partner_id.lang
        if lang not in installed:
            lang = self.env["ir.default"].sudo()._get("res.partner", "lang")
        return lang if lang in installed else "en_US"

    @api.constrains(
        "property_key_area_share",
        "property_key_contact_interval",
        "property_identity_lookup_limit",
    )
    def _check_property_key_settings(self):
        for company in self:
            if not 0 < company.property_key_area_share <= 100:
                raise ValidationError(
                    self.env._(
                        "The key-customer floor-area share must be between 0 and 100 %."
                    )
                )
            if company.property_key_contact_interval < 1:
                raise ValidationError(
                    self.env._("The key-customer contact interval must be at least 1.")
                )
            if company.property_identity_lookup_limit < 1:
                raise ValidationError(
                    self.env._(
                        "Allow at least one identity-number search per user and hour."
                    )
                )
