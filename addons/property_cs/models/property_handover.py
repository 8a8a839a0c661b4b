# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .property_unit_partner import OWNER_ROLES

HANDOVER_STATES = [
    ("draft", "To Notify"),
    ("notified", "Notified"),
    ("booked", "Booked"),
    ("in_progress", "Handover Under Way"),
    ("done", "Handed Over"),
    ("cancelled", "Cancelled"),
]
# the states from which the handover day starts: booked, or an owner who
# comes without an appointment
HANDOVER_STARTABLE_STATES = ("draft", "notified", "booked")
HANDOVER_STAFF_GROUPS = (
    "property_cs.group_property_cs_agent",
    "property_cs.group_property_cs_department",
)


class PropertyHandover(models.Model):
    """The handover of one unit to its owner at move-in (D-19, seed book
    ch.2): the move-in notice, the owner's appointment, and on the day the
    document checklist, the joint inspection with its defect list, keys,
    access cards and meter readings handed over and the owner's signature;
    signing sets the unit's handover date, from which fees are billed.

    The batch and the appointment slots are in property_movein_batch.py and
    property_movein_slot.py, the booking in property_handover_booking.py;
    defects found in the inspection are warranty defects
    (property.warranty.defect) passed to the developer. The owner's side in
    the portal is in property_handover_portal.py."""

    _name = "property.handover"
    _description = "Unit Handover"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "property.workflow.guard.mixin",
    ]
    _order = "id desc"
    _mail_post_access = "read"  # the owner writes to the staff in the portal
    # the state, the handover date and the signature are written by the
    # action methods only
    _workflow_fields = (
        "state",
        "date_handover",
        "date_started",
        "signature",
        "signed_by",
        "signed_on",
        "signed_ip",
        "sign_channel",
    )

    name = fields.Char(
        string="Reference", readonly=True, copy=False, default="/", index=True
    )
    batch_id = fields.Many2one(
        "property.movein.batch",
        string="Move-in Batch",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True, ondelete="restrict"
    )
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    project_id = fields.Many2one(related="unit_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Owner",
        index=True,
        tracking=True,
        help="The owner who receives the unit.",
    )
    state = fields.Selection(
        HANDOVER_STATES,
        default="draft",
        required=True,
        tracking=True,
        index=True,
        readonly=True,
        copy=False,
    )
    date_handover = fields.Date(
        string="Handover Date",
        readonly=True,
        tracking=True,
        copy=False,
        help="Set when the owner signs the handover record; the unit is "
        "billed from this day.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user if not self.env.user.share else False,
    )
    date_started = fields.Datetime(
        string="Started On", readonly=True, copy=False, tracking=True
    )
    # the day: checklist, joint inspection, keys, meters
    document_ids = fields.One2many(
        "property.handover.document", "handover_id", string="Documents", copy=False
    )
    defect_ids = fields.One2many(
        "property.warranty.defect", "handover_id", string="Defects Found"
    )
    defect_count = fields.Integer(compute="_compute_defect_count")
    inspection_note = fields.Text(
        string="Inspection Notes",
        tracking=True,
        help="The joint inspection's remarks beyond the defects listed.",
    )
    key_ids = fields.One2many(
        "property.handover.key", "handover_id", string="Keys and Cards", copy=False
    )
    meter_reading_ids = fields.One2many(
        "property.meter.reading", "handover_id", string="Meter Readings", copy=False
    )
    # the owner's contact data, completed on the day (the owner file)
    partner_mobile = fields.Char(
        related="partner_id.mobile", string="Owner's Mobile", readonly=False
    )
    partner_phone = fields.Char(
        related="partner_id.phone", string="Owner's Phone", readonly=False
    )
    partner_email = fields.Char(
        related="partner_id.email", string="Owner's Email", readonly=False
    )
    missing_contact = fields.Char(
        string="Missing Contact Data",
        compute="_compute_missing_contact",
        help="What the owner file still lacks.",
    )
    # the owner's signature of the handover record
    signature = fields.Image(
        copy=False, attachment=True, max_width=1024, max_height=1024
    )
    signed_by = fields.Char(copy=False, readonly=True)
    signed_on = fields.Datetime(copy=False, readonly=True)
    signed_ip = fields.Char(string="Signed From", copy=False, readonly=True)
    sign_channel = fields.Selection(
        [("portal", "Owners' Portal"), ("desk", "Staff Tablet")],
        string="Signed In",
        copy=False,
        readonly=True,
    )
    is_signed = fields.Boolean(
        string="Signed", compute="_compute_is_signed", store=True
    )
    sign_blockers = fields.Text(
        string="Before Signing",
        compute="_compute_sign_blockers",
        help="What is still missing before the owner can sign.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("property.handover")
                    or "/"
                )
        return super().create(vals_list)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for handover in self:
            handover.access_url = f"/my/movein/{handover.id}/record"
        return res

    # ------------------------------------------------------------------
    # COMPUTES AND CONSTRAINTS
    # ------------------------------------------------------------------
    @api.depends("defect_ids")
    def _compute_defect_count(self):
        for handover in self:
            handover.defect_count = len(handover.defect_ids)

    @api.depends("signature", "signed_on")
    def _compute_is_signed(self):
        for handover in self:
            handover.is_signed = bool(handover.signature and handover.signed_on)

    @api.depends("partner_id.mobile", "partner_id.phone", "partner_id.email")
    @api.depends_context("lang")
    def _compute_missing_contact(self):
        for handover in self:
            partner = handover.partner_id.sudo()
            missing = []
            if partner and not (partner.mobile or partner.phone):
                missing.append(self.env._("a phone number"))
            if partner and not partner.email:
                missing.append(self.env._("an email address"))
            handover.missing_contact = ", ".join(missing) or False

    @api.depends(
        "state",
        "partner_id",
        "partner_id.mobile",
        "partner_id.phone",
        "document_ids.is_presented",
        "document_ids.is_required",
        "key_ids",
        "meter_reading_ids",
    )
    @api.depends_context("lang")
    def _compute_sign_blockers(self):
        for handover in self:
            blockers = handover._sign_blockers()
            handover.sign_blockers = "\n".join(blockers) if blockers else False

    @api.constrains("unit_id", "state")
    def _check_one_open_handover(self):
        """A unit is handed over once: at most one handover of a unit is
        under way or done (several notices or bookings may exist, e.g. a
        batch reopened; only one is carried out)."""
        for handover in self.filtered(lambda h: h.state in ("in_progress", "done")):
            other = self.sudo().search_count(
                [
                    ("unit_id", "=", handover.unit_id.id),
                    ("state", "in", ("in_progress", "done")),
                    ("id", "!=", handover.id),
                ]
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has a handover under way or done: "
                        "cancel it before starting another one.",
                        unit=handover.unit_id.complete_name,
                    )
                )

    # ------------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------------
    def _company_env(self):
        """The environment in the company's language, for what the system
        writes (notes, activities)."""
        company = self[:1].company_id or self.env.company
        return self.with_context(lang=company._property_lang()).env

    def _today(self):
        """Today in the project's time zone: the handover date is the local
        day the owner signed."""
        self.ensure_one()
        tz = self.project_id.tz or "Asia/Shanghai"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _check_staff(self):
        """The handover is run by customer service or the departments
        (engineering takes part in the joint inspection)."""
        if self.env.su or any(
            self.env.user.has_group(group) for group in HANDOVER_STAFF_GROUPS
        ):
            return
        raise AccessError(self.env._("Only property staff can run a handover."))

    def _check_state(self, states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for handover in self:
            if handover.state not in states:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: this step is not possible now.",
                        record=handover.name,
                        state=labels[handover.state],
                    )
                )

    def _sign_blockers(self):
        """Everything that stops the owner's signature, in one list: the
        handover is under way, the owner is known and reachable, every
        required document was presented, keys and meter readings are
        recorded (D-19)."""
        self.ensure_one()
        if self.state != "in_progress":
            return []
        blockers = []
        if not self.partner_id:
            blockers.append(self.env._("Name the owner who receives the unit."))
        elif not (self.partner_id.sudo().mobile or self.partner_id.sudo().phone):
            blockers.append(self.env._("Enter the owner's phone number."))
        missing = self.sudo().document_ids.filtered(
            lambda line: line.is_required and not line.is_presented
        )
        if missing:
            blockers.append(
                self.env._(
                    "Documents not presented: %(documents)s.",
                    documents=", ".join(missing.mapped("name")),
                )
            )
        if not self.sudo().key_ids:
            blockers.append(self.env._("Record the keys and cards handed over."))
        if not self.sudo().meter_reading_ids:
            blockers.append(self.env._("Record the meter readings."))
        return blockers

    def _prepare_document_lines(self):
        """The checklist of the project's documents not on the record yet."""
        self.ensure_one()
        present = self.document_ids.type_id
        return [
            fields.Command.create({"type_id": doc_type.id})
            for doc_type in self.project_id._handover_document_types() - present
        ]

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_start(self):
        """The owner arrived: the handover is under way; the document
        checklist is laid out from the project's documents and the owner
        can read the record in the portal."""
        self._check_staff()
        self._check_state(HANDOVER_STARTABLE_STATES)
        for handover in self:
            if not handover.partner_id:
                raise UserError(
                    self.env._("Name the owner who receives the unit first.")
                )
            if handover.unit_id.date_handover:
                raise UserError(
                    self.env._(
                        "%(unit)s was already handed over on %(date)s.",
                        unit=handover.unit_id.complete_name,
                        date=handover.unit_id.date_handover,
                    )
                )
            values = {"state": "in_progress", "date_started": fields.Datetime.now()}
            if not handover.user_id:
                values["user_id"] = self.env.uid
            handover._workflow_write(values)
            lines = handover._prepare_document_lines()
            if lines:
                handover.write({"document_ids": lines})
            handover._handover_subscribe_owner()
            handover._notify_owner_started()
        return True

    def action_cancel_handover(self):
        """Cancel a handover that will not take place (wrong owner, unit
        withdrawn); a signed handover is never cancelled."""
        self._check_staff()
        self._check_state(("draft", "notified", "booked", "in_progress"))
        self._workflow_write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        """Reopen a cancelled handover."""
        self._check_staff()
        self._check_state(("cancelled",))
        for handover in self:
            handover._workflow_write({"state": "draft"})
        return True

    def action_open_sign(self):
        """The owner signs on the staff tablet."""
        self.ensure_one()
        self._check_staff()
        self._check_sign_ready()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign the Handover Record"),
            "res_model": "property.handover.sign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_handover_id": self.id},
        }

    def action_print_record(self):
        self.ensure_one()
        return self.env.ref(
            "property_cs.property_handover_report_record"
        ).report_action(self)

    def action_view_defects(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Defects Found"),
            "res_model": "property.warranty.defect",
            "view_mode": "list,form",
            "domain": [("handover_id", "=", self.id)],
            "context": {
                "default_handover_id": self.id,
                "default_unit_id": self.unit_id.id,
            },
        }

    def _check_sign_ready(self):
        for handover in self:
            handover._check_state(("in_progress",))
            blockers = handover._sign_blockers()
            if blockers:
                raise UserError(
                    self.env._(
                        "%(record)s cannot be signed yet:\n%(blockers)s",
                        record=handover.name,
                        blockers="\n".join(f"- {b}" for b in blockers),
                    )
                )

    def _sign(self, name, signature, ip_address, channel):
        """Record the owner's signature of the handover record (name, drawn
        signature, time, address, portal or staff tablet); the handover is
        then done (D-19). No signature, no handover."""
        self.ensure_one()
        name = (name or "").strip()
        if not name or not signature:
            raise UserError(self.env._("Sign with your name and signature."))
        self._check_sign_ready()
        self._workflow_write(
            {
                "signature": signature,
                "signed_by": name,
                "signed_on": fields.Datetime.now(),
                "signed_ip": ip_address or False,
                "sign_channel": channel,
            }
        )
        self.message_post(
            body=self._company_env()._(
                "%(name)s signed the handover record.", name=name
            ),
            subtype_xmlid="mail.mt_note",
        )
        self._handover_done()
        return True

    def _handover_done(self):
        """The unit is handed over on the local day of the signature: the
        unit's handover date is set (fees are billed from it), the owner
        file is opened or completed, the defects of the inspection go to
        the developer."""
        for handover in self:
            day = handover._today()
            handover._workflow_write({"state": "done", "date_handover": day})
            unit = handover.unit_id.sudo()
            if not unit.date_handover:
                unit.date_handover = day
            # the to-dos of the day are over
            handover.sudo().activity_ids.action_feedback()
            handover._open_owner_file()
            handover._hand_defects_to_developer()
        return True

    def _open_owner_file(self):
        """The owner's link to the unit from the handover date: kept when
        the owner already has one, created otherwise (as owner, with the
        share not held by the other owners)."""
        self.ensure_one()
        # the unit's note about the new owner is in the company's language
        Link = self._company_env()["property.unit.partner"].sudo()
        links = Link.search(
            [
                ("unit_id", "=", self.unit_id.id),
                ("partner_id", "=", self.partner_id.id),
                ("role", "in", list(OWNER_ROLES)),
            ]
        )
        current = links.filtered(lambda link: link._is_current_on(self.date_handover))
        if current:
            return current
        future = links.filtered(
            lambda link: link.active and link.date_start > self.date_handover
        )
        if future:
            future[:1].date_start = self.date_handover
            return future[:1]
        return Link.create(
            {
                "unit_id": self.unit_id.id,
                "partner_id": self.partner_id.id,
                "role": "owner",
                "date_start": self.date_handover,
            }
        )

    def _hand_defects_to_developer(self):
        """Pass the defects recorded in the joint inspection to the
        developer (the warranty part follows them). A defect that cannot be
        passed does not undo the owner's signature: its follower gets a
        to-do instead (``property.warranty.defect._hand_over_from_inspection``)."""
        self.ensure_one()
        self.sudo().defect_ids._hand_over_from_inspection()

    def _handover_subscribe_owner(self):
        """The owner follows the record: the portal page shows its
        messages."""
        for handover in self.filtered("partner_id"):
            handover.message_subscribe(partner_ids=handover.partner_id.ids)

    def _notify_owner_started(self):
        """Tell the owner, in their language, that their handover record
        is open in the portal, where they follow and sign it."""
        for handover in self.filtered("partner_id"):
            lang = (
                handover.partner_id.sudo().lang or handover.company_id._property_lang()
            )
            env = handover.with_context(lang=lang).env
            url = handover.get_base_url() + handover.access_url
            body = Markup("<p>%s</p><p><a href='%s'>%s</a></p>") % (
                env._(
                    "The handover of %(unit)s has started: check the record with "
                    "our staff, then sign it in your portal or on their tablet.",
                    unit=handover.unit_id.complete_name,
                ),
                url,
                env._("Open the handover record"),
            )
            handover.message_post(
                body=body,
                partner_ids=handover.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _report_lang(self):
        """The handover record is printed in the owner's language, else the
        company's."""
        self.ensure_one()
        return self.sudo().partner_id.lang or self.company_id._property_lang()

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Handover Record %(number)s", number=self.name)
