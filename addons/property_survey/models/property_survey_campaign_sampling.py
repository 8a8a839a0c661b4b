# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from . import sampling


class PropertySurveyCampaign(models.Model):
    """The sample of a campaign (D-26, D-27): its frame read from the
    database, the draw (algorithm in sampling.py) stored in one statement,
    the method statement and the reserves of the frozen draw order."""

    _inherit = "property.survey.campaign"

    def _scope_buildings(self):
        self.ensure_one()
        return self.building_ids or self.env["property.building"].sudo().search(
            [("project_id", "in", self.project_ids.ids)]
        )

    def _get_frame(self, unit_ids=None):
        """The sample frame: the current households of the scope, i.e. active
        units with at least one current owner or resident link (D-26). One
        query whatever the frame size. Returns a list of dicts with the
        unit, building, property type, customer type (the first owner's owner
        group) and the respondent (first current owner, else resident).
        ``unit_ids`` restricts the frame to these units (reserve draws).
        A person who withdrew their consent to surveys is never the
        respondent: the next household member is, else the unit is left out.
        """
        self.ensure_one()
        for model in ("property.unit", "property.unit.partner", "res.partner"):
            self.env[model].flush_model()
        buildings = self._scope_buildings()
        if not buildings:
            return []
        today = fields.Date.context_today(self)
        current = SQL(
            "l.unit_id = u.id AND l.active AND l.date_start <= %s "
            "AND (l.date_end IS NULL OR l.date_end >= %s)",
            today,
            today,
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT u.id, u.building_id, u.use_type, u.complete_name,
                       resp.partner_id, resp.owner_group, resp.name,
                       COALESCE(resp.mobile, resp.phone)
                  FROM property_unit u
                  JOIN property_building b ON b.id = u.building_id
                  JOIN LATERAL (
                        SELECT l.partner_id, p.owner_group, p.name, p.mobile,
                               p.phone
                          FROM property_unit_partner l
                          JOIN res_partner p ON p.id = l.partner_id
                         WHERE %s
                           AND NOT COALESCE((
                                SELECT c.date_withdrawn IS NOT NULL
                                  FROM property_consent c
                                 WHERE c.partner_id = l.partner_id
                                   AND c.scope = 'surveys' AND c.active
                                 ORDER BY c.date DESC, c.id DESC
                                 LIMIT 1
                           ), FALSE)
                         ORDER BY l.role_sequence, l.id
                         LIMIT 1
                  ) resp ON TRUE
                 WHERE u.active AND u.building_id = ANY(%s) AND %s
                 ORDER BY b.sequence, b.name, u.id
                """,
                current,
                buildings.ids,
                SQL("u.id = ANY(%s)", list(unit_ids))
                if unit_ids is not None
                else SQL("TRUE"),
            )
        )
        return [
            {
                "unit": row[0],
                "building": row[1],
                "use_type": row[2],
                "unit_name": row[3],
                "partner": row[4],
                "customer_type": row[5] or "",
                "partner_name": row[6],
                "phone": row[7] or "",
            }
            for row in self.env.cr.fetchall()
        ]

    def _stratum_label(self, key, buildings, use_types, customer_types):
        building, use_type, customer_type = key
        parts = [buildings[building]]
        if use_type:
            parts.append(use_types[use_type])
        if customer_type:
            parts.append(customer_types[customer_type])
        return " / ".join(parts)

    def action_draw_sample(self):
        """Draw the stratified random sample (D-26): n = max(ceil(rate ×
        frame), minimum) capped at the frame, allocated to strata by largest
        remainder with at least one per non-empty stratum, drawn at random
        from the recorded seed. A draft campaign may redraw; the draw is
        frozen when the campaign starts (D-27)."""
        self._check_programme_user()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(
                    self.env._("The sample of a started campaign is frozen.")
                )
            if not campaign.seed:
                campaign.seed = secrets.token_hex(8)
            campaign.sample_ids.sudo().with_context(force_unlink=True).unlink()
            frame = campaign._get_frame()
            n = sampling.sample_size(
                len(frame), campaign.sample_rate, campaign.sample_min
            )
            buildings = {b.id: b.name for b in campaign._scope_buildings()}
            # the labels are stored: in the company's language, whoever draws
            lang_env = self.with_context(
                lang=campaign.company_id.sudo()._property_lang()
            ).env
            Unit = self.env["property.unit"]
            use_types = dict(Unit._fields["use_type"]._description_selection(lang_env))
            customer_types = dict(
                self.env["res.partner"]
                .sudo()
                ._fields["owner_group"]
                ._description_selection(lang_env)
            )
            strata, rule, full_count = sampling.draw(frame, n, campaign.seed)
            order, vals_list = {}, []
            for stratum in strata:
                skey = stratum["skey"]
                label = campaign._stratum_label(
                    stratum["key"], buildings, use_types, customer_types
                )
                order[skey] = {
                    "label": label,
                    "size": stratum["size"],
                    "alloc": stratum["alloc"],
                    "units": stratum["units"],
                }
                for rank, unit_id in enumerate(
                    stratum["units"][: stratum["alloc"]], start=1
                ):
                    vals_list.append(
                        campaign._sample_vals(
                            stratum["rows"][unit_id], skey, label, rank
                        )
                    )
            campaign._insert_samples(vals_list)
            campaign.write(
                {
                    "frame_size": len(frame),
                    "sample_size": n,
                    "strata_count": len(strata),
                    "draw_order": order,
                    "date_drawn": fields.Datetime.now(),
                    "strata_rule": rule,
                    "strata_full_count": full_count,
                }
            )
        return True

    def _insert_samples(self, vals_list):
        """Insert the drawn households in one statement: the draw of a
        20,000-household frame must take a constant number of queries (the
        ORM would insert and recompute in batches of 100). Only plain
        columns are written; the stored computes get their initial values
        here (project of the building, no response yet)."""
        if not vals_list:
            return
        Sample = self.env["property.survey.sample"]
        Sample.flush_model()
        columns = [
            "unit_id",
            "building_id",
            "unit_name",
            "respondent_id",
            "respondent_name",
            "respondent_phone",
            "customer_type",
            "stratum_key",
            "stratum_label",
            "draw_rank",
            "method",
        ]
        types = {
            "unit_id": "int",
            "building_id": "int",
            "respondent_id": "int",
            "draw_rank": "int",
        }
        arrays = [
            SQL(
                "%s::" + ("int[]" if column in types else "varchar[]"),
                [vals[column] or None for vals in vals_list],
            )
            for column in columns
        ]
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO property_survey_sample (
                    campaign_id, project_id, state, response_state,
                    attempt_count, create_uid, create_date, write_uid,
                    write_date, %(columns)s)
                SELECT %(campaign)s, b.project_id, 'selected', 'none', 0,
                       %(uid)s, NOW() AT TIME ZONE 'UTC', %(uid)s,
                       NOW() AT TIME ZONE 'UTC', %(values)s
                  FROM unnest(%(arrays)s) AS v(%(columns)s)
                  JOIN property_building b ON b.id = v.building_id
                """,
                columns=SQL(", ").join(SQL.identifier(c) for c in columns),
                values=SQL(", ").join(SQL.identifier("v", c) for c in columns),
                arrays=SQL(", ").join(arrays),
                campaign=self.id,
                uid=self.env.uid,
            )
        )
        Sample.invalidate_model()
        self.invalidate_recordset(["sample_ids"])

    def _sample_vals(self, row, stratum_key, stratum_label, rank):
        return {
            "campaign_id": self.id,
            "unit_id": row["unit"],
            "building_id": row["building"],
            "unit_name": row["unit_name"],
            "respondent_id": row["partner"],
            "respondent_name": row["partner_name"],
            "respondent_phone": row["phone"],
            "customer_type": row["customer_type"] or False,
            "stratum_key": stratum_key,
            "stratum_label": stratum_label,
            "draw_rank": rank,
            "method": self.method,
        }

    @api.depends_context("lang", "uid")
    @api.depends("date_drawn", "strata_rule", "seed", "state")
    def _compute_method_statement(self):
        for campaign in self:
            campaign.method_statement = (
                campaign._method_statement() if campaign.date_drawn else False
            )

    def _method_statement(self):
        """The method statement of the report (D-26, GB/T 19038), in the
        reader's language."""
        self.ensure_one()
        lines = [
            self.env._(
                "Sample frame: %(frame)s current households of the scope.",
                frame=self.frame_size,
            ),
            self.env._(
                "Sample size: n = max(ceil(%(rate)s %% × %(frame)s), %(min)s), "
                "capped at the frame = %(n)s.",
                rate=self.sample_rate,
                frame=self.frame_size,
                min=self.sample_min,
                n=self.sample_size,
            ),
            self.env._(
                "Stratified random sampling over %(strata)s strata (building × "
                "property type × customer type), proportional allocation by "
                "largest remainder, at least one household per stratum.",
                strata=self.strata_full_count,
            ),
        ]
        if self.strata_rule == "building":
            lines.append(
                self.env._(
                    "The %(strata)s strata outnumber the sample of %(n)s "
                    "households: buildings take precedence and the draw is "
                    "stratified by building only (%(buildings)s buildings).",
                    strata=self.strata_full_count,
                    n=self.sample_size,
                    buildings=self.strata_count,
                )
            )
        elif self.strata_rule == "building_partial":
            lines.append(
                self.env._(
                    "The %(strata)s strata and even the %(buildings)s buildings "
                    "outnumber the sample of %(n)s households: buildings take "
                    "precedence, allocated by largest remainder; some buildings "
                    "have no sampled household.",
                    strata=self.strata_full_count,
                    buildings=self.strata_count,
                    n=self.sample_size,
                )
            )
        if self.state == "closed" or self._is_programme_user():
            lines.append(
                self.env._(
                    "The draw is reproducible from the seed %(seed)s; swaps only "
                    "for recorded reasons, replaced from the same stratum "
                    "(%(swaps)s swaps).",
                    seed=self.sudo().seed,
                    swaps=len(self.sudo().swap_ids),
                )
            )
        else:
            # the seed and the frame give the sample: not before the close
            lines.append(
                self.env._(
                    "The draw is reproducible from a seed disclosed when the "
                    "campaign closes; swaps only for recorded reasons, replaced "
                    "from the same stratum (%(swaps)s swaps).",
                    swaps=len(self.sudo().swap_ids),
                )
            )
        return "\n".join(lines)

    def _next_reserve(self, stratum_key):
        """The next unit of the frozen draw order of a stratum that is not yet
        in the campaign's sample and is still a current household (D-27:
        reserves come from the same stratum, in draw order, never from a
        proposal of the service centre). Returns (frame row, rank) or
        (False, 0)."""
        self.ensure_one()
        # the draw order is for head office's eyes; swaps read it for whoever
        # may swap (checked by the sample)
        entry = (self.sudo().draw_order or {}).get(stratum_key)
        if not entry:
            return False, 0
        used = set(
            self.env["property.survey.sample"]
            .sudo()
            .search([("campaign_id", "=", self.id), ("stratum_key", "=", stratum_key)])
            .unit_id.ids
        )
        candidates = [
            (rank, unit_id)
            for rank, unit_id in enumerate(entry["units"], start=1)
            if unit_id not in used
        ]
        rows = {
            row["unit"]: row
            for row in self._get_frame(unit_ids=[unit for _rank, unit in candidates])
        }
        for rank, unit_id in candidates:
            if unit_id in rows:
                return rows[unit_id], rank
        return False, 0
