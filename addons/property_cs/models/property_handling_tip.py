# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools

PERSONALITY_TYPES = [
    ("friendly", "Friendly"),
    ("dominant", "Dominant"),
    ("analytical", "Analytical"),
    ("self_centred", "Self-Centred"),
]
OWNER_GROUPS = [
    ("business", "Successful Business Person"),
    ("manager", "Manager"),
    ("civil_servant", "Civil Servant"),
    ("expert", "Expert or Scholar"),
    ("real_estate", "Real-Estate Professional"),
    ("media", "Media Person"),
    ("returnee", "Returnee from Abroad"),
    ("relocated", "Relocated Household"),
]


class PropertyHandlingTip(models.Model):
    """How to serve an owner of a personality type or an owner group (D-4):
    data an administrator edits and translates, read by the handling tip of
    the owner file (``res.partner._compute_handling_tip``)."""

    _name = "property.handling.tip"
    _description = "Handling Tip"
    _order = "profile, sequence, id"
    _rec_name = "tip"

    profile = fields.Selection(
        [("personality", "Personality Type"), ("owner_group", "Owner Group")],
        required=True,
        default="personality",
    )
    personality_type = fields.Selection(PERSONALITY_TYPES)
    owner_group = fields.Selection(OWNER_GROUPS)
    tip = fields.Text(
        required=True,
        translate=True,
        help="Shown to staff on the owner and ticket forms, never to owners.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "profile_set",
            "CHECK((profile = 'personality' AND personality_type IS NOT NULL "
            "AND owner_group IS NULL) OR (profile = 'owner_group' AND "
            "owner_group IS NOT NULL AND personality_type IS NULL))",
            "A handling tip is for either one personality type or one owner group.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        tips = super().create(vals_list)
        self._invalidate_partner_tips()
        return tips

    def write(self, vals):
        res = super().write(vals)
        self._invalidate_partner_tips()
        return res

    def update_field_translations(self, field_name, translations, *args, **kwargs):
        res = super().update_field_translations(
            field_name, translations, *args, **kwargs
        )
        self._invalidate_partner_tips()
        return res

    def unlink(self):
        res = super().unlink()
        self._invalidate_partner_tips()
        return res

    def _invalidate_partner_tips(self):
        """The partners' tips are computed from these records without a
        dependency: drop what the caches hold."""
        self.env.registry.clear_cache()
        self.env.invalidate_all()

    @api.onchange("profile")
    def _onchange_profile(self):
        if self.profile == "personality":
            self.owner_group = False
        else:
            self.personality_type = False

    @api.model
    def _tip_map(self):
        """{(profile, code): (tip, ...)} of the active tips, in the
        environment's language, in the order of the tips."""
        return self._tip_map_cached(self.env.lang or "en_US")

    @api.model
    @tools.ormcache("lang")
    def _tip_map_cached(self, lang):
        tips = {}
        for tip in self.sudo().with_context(lang=lang).search([]):
            code = tip.personality_type or tip.owner_group
            tips[(tip.profile, code)] = (*tips.get((tip.profile, code), ()), tip.tip)
        return tips
