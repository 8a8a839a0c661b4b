# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import sampling

# the owners of a unit: they are asked, not tenants or household members
OWNER_ROLES = ("owner", "co_owner")


class PropertyConsultation(models.Model):
    """Whom a consultation asks: one recipient per unit with a current owner
    (the first owner of the unit answers), for the whole project, some
    buildings, or a random sample drawn with the satisfaction campaigns'
    stratified sampler (models/sampling.py, D-26/D-27): sample size
    max(ceil(rate × frame), minimum) capped at the frame, strata building ×
    property type × owner type with buildings first, reproducible from the
    seed, never chosen by hand."""

    _inherit = "property.consultation"

    def _scope_buildings(self):
        """The buildings of the scope: those chosen, else every building of
        the project."""
        self.ensure_one()
        return self.building_ids or self.env["property.building"].sudo().search(
            [("project_id", "=", self.project_id.id)]
        )

    def _get_frame(self):
        """The units of the scope with a current owner, in the row format of
        models/sampling.py: unit, building, use type, owner type (the owner
        group of the unit's first owner) and the owner who answers. Owners
        only: tenants and household members are not asked. One search."""
        self.ensure_one()
        buildings = self._scope_buildings()
        if not buildings:
            return []
        links = (
            self.env["property.unit.partner"]
            .sudo()
            .search(
                [
                    ("building_id", "in", buildings.ids),
                    ("unit_id.active", "=", True),
                    ("role", "in", OWNER_ROLES),
                    ("is_current", "=", True),
                ],
                order="unit_id, role_sequence, id",
            )
        )
        first = {}
        for link in links:
            first.setdefault(link.unit_id, link)
        rows = [
            {
                "unit": unit.id,
                "building": unit.building_id.id,
                "use_type": unit.use_type or "",
                "customer_type": link.partner_id.owner_group or "",
                "partner": link.partner_id.id,
                "sort": (unit.building_id.sequence, unit.building_id.name, unit.id),
            }
            for unit, link in first.items()
        ]
        return sorted(rows, key=lambda row: row["sort"])

    def _recipient_vals(self, row):
        return {
            "consultation_id": self.id,
            "unit_id": row["unit"],
            "building_id": row["building"],
            "partner_id": row["partner"],
            "owner_group": row["customer_type"] or False,
        }

    def _set_recipients(self, rows):
        """Replace the recipients by ``rows`` (frame rows). System work after
        the caller's checks: recipients are never added or removed by hand."""
        self.ensure_one()
        Recipient = self.env["property.consultation.recipient"].sudo()
        Recipient.search([("consultation_id", "=", self.id)]).unlink()
        Recipient.create([self._recipient_vals(row) for row in rows])
        self.invalidate_recordset(["recipient_ids"])

    def _reset_recipients(self):
        """Drop the recipients of draft consultations whose scope changed."""
        for consultation in self.filtered(lambda c: c.state == "draft"):
            if consultation.recipient_ids or consultation.sudo().date_drawn:
                consultation.recipient_ids.sudo().unlink()
                consultation.sudo().write(
                    {
                        "date_drawn": False,
                        "frame_size": 0,
                        "sample_size": 0,
                        "strata_count": 0,
                        "strata_rule": False,
                    }
                )

    def _check_draft_scope(self):
        self.ensure_one()
        self.check_access("write")
        if self.state != "draft":
            raise UserError(
                self.env._("The recipients of an open consultation are frozen.")
            )
        if self.sudo().scope == "buildings" and not self.building_ids:
            raise UserError(self.env._("Choose the buildings whose owners are asked."))

    def action_compute_recipients(self):
        """List the recipients from the register of owners: every unit of
        the scope with a current owner. With a sample, draw it."""
        for consultation in self:
            consultation._check_draft_scope()
            if consultation.sudo().scope == "sample":
                consultation.action_draw_sample()
                continue
            consultation._set_recipients(consultation._get_frame())
        return True

    def action_draw_sample(self):
        """Draw the random sample of the recipients with the satisfaction
        campaigns' stratified sampler (D-26): n = max(ceil(rate × frame),
        minimum) capped at the frame, strata building × property type ×
        owner type allocated by largest remainder with at least one per
        stratum (buildings first when the strata outnumber n), units drawn
        at random from the recorded seed. A draft may be redrawn; the draw
        freezes when the consultation opens (D-27: the sample is the draw,
        never a list chosen by the service centre)."""
        for consultation in self:
            consultation._check_draft_scope()
            if consultation.sudo().scope != "sample":
                raise UserError(
                    self.env._("Only a sampled consultation draws a sample.")
                )
            data = consultation.sudo()
            if not data.seed:
                data.seed = secrets.token_hex(8)
            frame = consultation._get_frame()
            n = sampling.sample_size(len(frame), data.sample_rate, data.sample_min)
            strata, rule, _full_count = sampling.draw(frame, n, data.seed)
            drawn = [
                stratum["rows"][unit_id]
                for stratum in strata
                for unit_id in stratum["units"][: stratum["alloc"]]
            ]
            consultation._set_recipients(drawn)
            consultation._workflow_write(
                {
                    "frame_size": len(frame),
                    "sample_size": n,
                    "strata_count": len(strata),
                    "strata_rule": rule,
                    "date_drawn": fields.Datetime.now(),
                }
            )
        return True

    @api.depends_context("lang")
    @api.depends("date_drawn", "strata_rule", "seed", "sample_size")
    def _compute_method_statement(self):
        for consultation in self:
            consultation.method_statement = (
                consultation._method_statement() if consultation.date_drawn else False
            )

    def _method_statement(self):
        """How the sample was drawn, in the reader's language."""
        self.ensure_one()
        data = self.sudo()
        lines = [
            self.env._(
                "Sample frame: %(frame)s units of the scope with a current owner.",
                frame=data.frame_size,
            ),
            self.env._(
                "Sample size: n = max(ceil(%(rate)s %% × %(frame)s), %(min)s), "
                "capped at the frame = %(n)s.",
                rate=data.sample_rate,
                frame=data.frame_size,
                min=data.sample_min,
                n=data.sample_size,
            ),
        ]
        if data.strata_rule == "full":
            lines.append(
                self.env._(
                    "Stratified random sampling over %(strata)s strata (building × "
                    "property type × owner type), proportional allocation by "
                    "largest remainder, at least one unit per stratum.",
                    strata=data.strata_count,
                )
            )
        else:
            lines.append(
                self.env._(
                    "The strata outnumber the sample: buildings take precedence "
                    "and the draw is stratified by building only (%(strata)s "
                    "buildings).",
                    strata=data.strata_count,
                )
            )
        lines.append(
            self.env._(
                "The draw is reproducible from the seed %(seed)s.", seed=data.seed
            )
        )
        return "\n".join(lines)
