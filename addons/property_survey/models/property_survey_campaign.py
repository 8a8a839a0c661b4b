# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare

from . import survey_statistics as stats

SURVEY_METHODS = [
    ("interview", "Interview"),
    ("paper", "Paper Card"),
    ("online", "Online"),
]
METHOD_HELP = (
    "Interview: highest response and completeness, costly, the surveyor may "
    "sway answers. Paper card: cheap, the owner answers alone, lower return "
    "and more invalid cards. Online: cheapest and fastest, reaches only "
    "owners with an e-mail address, self-selected answers."
)
SCALES = [("5", "5 Levels"), ("7", "7 Levels"), ("10", "10 Levels")]
TEMPLATE_XMLID = "property_survey.survey_owner_satisfaction"
REMINDER_DAYS = 7


class PropertySurveyCampaign(models.Model):
    """A satisfaction campaign (D-26): period, scope, method, questionnaire,
    scale, weights; its stratified random sample (D-26, D-27) and results
    (D-29)."""

    _name = "property.survey.campaign"
    _description = "Satisfaction Campaign"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "property.survey.campaign.results.mixin",
        "property.survey.campaign.export.mixin",
    ]
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Campaign Manager",
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    organiser = fields.Selection(
        [
            ("company", "Property Company"),
            ("committee", "Owners' Committee"),
            ("authority", "Government Authority"),
            ("third_party", "Third Party"),
        ],
        default="company",
        required=True,
        tracking=True,
    )
    # period and scope
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    project_ids = fields.Many2many(
        "property.project", string="Projects", required=True, tracking=True
    )
    building_ids = fields.Many2many(
        "property.building",
        string="Buildings",
        domain="[('project_id', 'in', project_ids)]",
        help="Leave empty to survey every building of the projects.",
    )
    method = fields.Selection(
        SURVEY_METHODS,
        string="Default Method",
        required=True,
        default="interview",
        tracking=True,
        help=METHOD_HELP,
    )
    # questionnaire
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        copy=False,
        tracking=True,
        domain="[('survey_type', '=', 'survey')]",
    )
    scale = fields.Selection(SCALES, required=True, default="5", tracking=True)
    target = fields.Float(
        string="Satisfaction Target (%)",
        default=lambda self: self.env.company.property_survey_target,
        tracking=True,
    )
    satisfied_level = fields.Integer(
        string="Satisfied From Level",
        compute="_compute_satisfied_level",
        store=True,
        readonly=False,
        help="Answers at or above this level count as satisfied: the top two "
        "levels on 5 and 7, 8 and above on 10 (settings).",
    )
    weight_ids = fields.One2many(
        "property.survey.campaign.weight", "campaign_id", string="Driver Weights"
    )
    weight_total = fields.Float(compute="_compute_weight_total", string="Total (%)")
    # sampling
    sample_rate = fields.Float(
        string="Sample Rate (%)",
        default=lambda self: self.env.company.property_survey_sample_rate,
    )
    sample_min = fields.Integer(
        string="Minimum Sample",
        default=lambda self: self.env.company.property_survey_sample_min,
    )
    min_answered = fields.Float(
        string="Minimum Answered Share (%)",
        default=lambda self: self.env.company.property_survey_min_answered,
    )
    max_attempts = fields.Integer(
        string="Contact Attempts Before Swap",
        default=lambda self: self.env.company.property_survey_max_attempts,
    )
    seed = fields.Char(
        default=lambda self: secrets.token_hex(8),
        copy=False,
        tracking=True,
        help="The random draw is reproducible from this seed.",
    )
    frame_size = fields.Integer(string="Frame (Households)", readonly=True, copy=False)
    sample_size = fields.Integer(readonly=True, copy=False)
    strata_count = fields.Integer(string="Strata", readonly=True, copy=False)
    draw_order = fields.Json(readonly=True, copy=False)
    date_drawn = fields.Datetime(string="Drawn On", readonly=True, copy=False)
    strata_rule = fields.Selection(
        [
            ("full", "Building × Property Type × Customer Type"),
            ("building", "Building Only"),
            ("building_partial", "Building Only, Some Buildings Unsampled"),
        ],
        readonly=True,
        copy=False,
    )
    strata_full_count = fields.Integer(readonly=True, copy=False)
    method_statement = fields.Text(compute="_compute_method_statement")
    sample_ids = fields.One2many("property.survey.sample", "campaign_id")
    swap_ids = fields.One2many("property.survey.swap", "campaign_id")
    sample_count = fields.Integer(compute="_compute_counts")
    # results
    previous_campaign_id = fields.Many2one(
        "property.survey.campaign",
        copy=False,
        help="Trends and the effect of improvement actions compare with it.",
    )
    result_ids = fields.One2many("property.survey.result", "campaign_id")
    action_ids = fields.One2many("property.survey.action", "campaign_id")
    date_results = fields.Datetime(string="Results Computed On", readonly=True)
    response_count = fields.Integer(readonly=True, copy=False)
    valid_count = fields.Integer(readonly=True, copy=False)
    response_rate = fields.Float(string="Response Rate (%)", readonly=True)
    overall_degree = fields.Float(string="Satisfaction Degree", readonly=True)
    overall_rate = fields.Float(string="Satisfaction Rate (%)", readonly=True)
    target_met = fields.Boolean(readonly=True)
    min_sample_met = fields.Boolean(string="Minimum Sample Met", readonly=True)

    _sql_constraints = [
        (
            "dates_order",
            "CHECK(date_end >= date_start)",
            "A campaign ends on or after its start date.",
        ),
    ]

    @api.depends("scale", "company_id")
    def _compute_satisfied_level(self):
        for campaign in self:
            levels = int(campaign.scale or 5)
            company = campaign.company_id or self.env.company
            if levels == 10:
                campaign.satisfied_level = company.property_survey_satisfied_10
            else:
                campaign.satisfied_level = (
                    levels - company.property_survey_top_levels + 1
                )

    @api.depends("weight_ids.weight")
    def _compute_weight_total(self):
        for campaign in self:
            campaign.weight_total = sum(campaign.weight_ids.mapped("weight"))

    def _compute_counts(self):
        # the size of the sample is no secret, its households are
        data = dict(
            self.env["property.survey.sample"]
            .sudo()
            ._read_group(
                [("campaign_id", "in", self.ids), ("state", "=", "selected")],
                ["campaign_id"],
                ["__count"],
            )
        )
        for campaign in self:
            campaign.sample_count = data.get(campaign, 0)

    @api.constrains("satisfied_level", "scale")
    def _check_satisfied_level(self):
        for campaign in self:
            if not 2 <= campaign.satisfied_level <= int(campaign.scale):
                raise ValidationError(
                    self.env._(
                        "The satisfied level must be between 2 and the number of "
                        "levels of the scale."
                    )
                )

    @api.constrains("sample_rate", "sample_min", "min_answered", "target")
    def _check_rates(self):
        for campaign in self:
            if not 0 < campaign.sample_rate <= 100 or campaign.sample_min < 1:
                raise ValidationError(
                    self.env._(
                        "The sample rate must be between 0 and 100 % and the "
                        "minimum sample at least 1."
                    )
                )
            if not 0 <= campaign.min_answered <= 100 or not 0 < campaign.target <= 100:
                raise ValidationError(
                    self.env._(
                        "The target and the minimum answered share are percentages."
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        campaigns = super().create(vals_list)
        for campaign in campaigns:
            if not campaign.survey_id:
                campaign._copy_template()
            if not campaign.weight_ids:
                campaign._set_default_weights()
            campaign._apply_scale()
            if not campaign.previous_campaign_id:
                campaign.previous_campaign_id = campaign._find_previous_campaign()
        return campaigns

    def write(self, vals):
        frozen = {"project_ids", "building_ids", "seed", "scale", "sample_rate"}
        frozen |= {"sample_min", "survey_id", "weight_ids", "satisfied_level"}
        if frozen & set(vals) and self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "The scope, sample, questionnaire, scale and weights of a "
                    "started campaign are frozen."
                )
            )
        res = super().write(vals)
        if "scale" in vals or "survey_id" in vals:
            self._apply_scale()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._("A started campaign is evidence: archive it instead.")
            )

    def _copy_template(self):
        """Give the campaign its own copy of the shipped questionnaire (its
        translations included), titled after the campaign in every language:
        survey.survey's copy would title it "... (copy)"."""
        self.ensure_one()
        template = self.env.ref(TEMPLATE_XMLID, raise_if_not_found=False)
        if template:
            survey = template.sudo().copy()
            survey.with_context(lang="en_US").title = self.name
            survey.update_field_translations(
                "title",
                {
                    code: self.name
                    for code, _name in self.env["res.lang"].get_installed()
                },
            )
            self.survey_id = survey

    def _set_default_weights(self):
        """Equal weights over the questionnaire's drivers, summing to 100 %."""
        self.ensure_one()
        drivers = self._rating_questions().property_driver_id.sorted()
        if not drivers:
            return
        shares = stats.largest_remainder([1] * len(drivers), 10000)
        self.weight_ids = [
            Command.create({"driver_id": driver.id, "weight": share / 100.0})
            for driver, share in zip(drivers, shares, strict=True)
        ]

    def _apply_scale(self):
        """Rating questions run from 1 to the campaign's number of levels."""
        for campaign in self:
            questions = campaign._rating_questions()
            levels = int(campaign.scale)
            todo = questions.filtered(
                lambda q, levels=levels: q.scale_min != 1 or q.scale_max != levels
            )
            if todo:
                todo.sudo().write({"scale_min": 1, "scale_max": levels})

    def _rating_questions(self):
        self.ensure_one()
        return self.survey_id.sudo().question_ids.filtered(
            lambda q: q._property_is_rating()
        )

    def _find_previous_campaign(self):
        self.ensure_one()
        if not self.project_ids or not self.date_start:
            return self.browse()
        return self.search(
            [
                ("id", "!=", self.id),
                ("company_id", "=", self.company_id.id),
                ("project_ids", "in", self.project_ids.ids),
                ("date_end", "<", self.date_start),
                ("state", "!=", "draft"),
            ],
            order="date_end desc",
            limit=1,
        )

    # ------------------------------------------------------------------
    # SAMPLING (D-26, D-27)
    # ------------------------------------------------------------------
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
        ``unit_ids`` restricts the frame to these units (reserve draws)."""
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

    def _stratify(self, frame, n):
        """Strata = building × property type × customer type (when known).
        When the strata outnumber n, the building takes precedence: the
        draw is stratified by building only, and when even the buildings
        outnumber n they are allocated by largest remainder (D-26). Returns
        (strata, alloc, rule, full strata count), strata an ordered dict
        key -> list of frame rows."""
        strata = defaultdict(list)
        for row in frame:
            strata[(row["building"], row["use_type"], row["customer_type"])].append(row)
        full_count = len(strata)
        if full_count <= n:
            sizes = [len(rows) for rows in strata.values()]
            return strata, stats.allocate(sizes, n), "full", full_count
        by_building = defaultdict(list)
        for row in frame:
            by_building[(row["building"], "", "")].append(row)
        sizes = [len(rows) for rows in by_building.values()]
        if len(by_building) <= n:
            return by_building, stats.allocate(sizes, n), "building", full_count
        return (
            by_building,
            stats.largest_remainder(sizes, n),
            "building_partial",
            full_count,
        )

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
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(
                    self.env._("The sample of a started campaign is frozen.")
                )
            if not campaign.seed:
                campaign.seed = secrets.token_hex(8)
            campaign.sample_ids.sudo().with_context(force_unlink=True).unlink()
            frame = campaign._get_frame()
            n = stats.sample_size(len(frame), campaign.sample_rate, campaign.sample_min)
            strata, alloc, rule, full_count = campaign._stratify(frame, n)
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
            order, vals_list = {}, []
            for (key, rows), count in zip(strata.items(), alloc, strict=True):
                skey = "|".join(str(part) for part in key)
                label = campaign._stratum_label(
                    key, buildings, use_types, customer_types
                )
                by_unit = {row["unit"]: row for row in rows}
                drawn = stats.seeded_order(campaign.seed, skey, by_unit)
                order[skey] = {
                    "label": label,
                    "size": len(rows),
                    "alloc": count,
                    "units": drawn,
                }
                for rank, unit_id in enumerate(drawn[:count], start=1):
                    vals_list.append(
                        campaign._sample_vals(by_unit[unit_id], skey, label, rank)
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

    @api.depends_context("lang")
    @api.depends("date_drawn", "strata_rule", "seed")
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
        lines.append(
            self.env._(
                "The draw is reproducible from the seed %(seed)s; swaps only for "
                "recorded reasons, replaced from the same stratum (%(swaps)s "
                "swaps).",
                seed=self.seed,
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
        entry = (self.draw_order or {}).get(stratum_key)
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

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------
    def action_start(self):
        """Start the campaign: weights sum to 100 %, the sample is drawn and
        frozen, and the questionnaire is restricted to the campaign manager
        and the assigned surveyors (secrecy, D-27)."""
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(self.env._("Only a draft campaign can start."))
            if not campaign.survey_id:
                raise UserError(self.env._("Set the campaign's questionnaire first."))
            if float_compare(campaign.weight_total, 100.0, precision_digits=2):
                raise UserError(
                    self.env._(
                        "The driver weights sum to %(total)s %%; they must sum "
                        "to 100 %%.",
                        total=round(campaign.weight_total, 2),
                    )
                )
            if not campaign.date_drawn:
                campaign.action_draw_sample()
            campaign.state = "running"
            campaign._restrict_questionnaire()
        return True

    def _restrict_questionnaire(self):
        """Only the campaign manager, head office and the assigned surveyors
        see the questionnaire and its answers (D-27)."""
        for campaign in self:
            survey = campaign.survey_id.sudo()
            # core requires the questionnaire's responsible in the list
            users = campaign.user_id | campaign.sample_ids.surveyor_id | survey.user_id
            survey.write(
                {
                    "restrict_user_ids": [Command.set(users.ids)],
                    "access_mode": "token",
                }
            )

    def action_close(self):
        """Close the campaign with its final results (computed first, so
        that reactions to the closure see them)."""
        for campaign in self:
            if campaign.state != "running":
                raise UserError(self.env._("Only a running campaign can close."))
        self.action_compute_results()
        self.write({"state": "closed"})
        return True

    def _alert_target_missed(self):
        """Tell the campaign manager when a closed campaign misses its
        satisfaction target (domain standards I1: an alert if the target is
        missed). Called by an automation rule administrators may tune."""
        for campaign in self.filtered(lambda c: c.date_results and not c.target_met):
            summary = self.env._(
                "Satisfaction target missed: %(rate)s %% for a target of %(target)s %%",
                rate=round(campaign.overall_rate, 1),
                target=campaign.target,
            )
            campaign.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                user_id=(campaign.user_id or self.env.user).id,
            )
            campaign.message_post(body=summary, subtype_xmlid="mail.mt_note")
        return True

    def action_send_invitations(self):
        """Invite every online household of the running campaign that has
        not answered yet."""
        for campaign in self:
            if campaign.state != "running":
                raise UserError(
                    self.env._("Invitations are sent for a running campaign.")
                )
            campaign.sample_ids.filtered(
                lambda s: (
                    s.method == "online"
                    and s.state == "selected"
                    and s.response_state == "none"
                )
            ).action_send_invitation()
        return True

    @api.model
    def _cron_remind_surveyors(self, days=REMINDER_DAYS):
        """A week before a running campaign ends, give each surveyor one
        to-do listing the households still to collect (D-27: the surveyor,
        not the centre, collects every questionnaire)."""
        today = fields.Date.context_today(self)
        campaigns = self.search(
            [
                ("state", "=", "running"),
                ("date_end", ">=", today),
                ("date_end", "<=", today + timedelta(days=days)),
            ]
        )
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        for campaign in campaigns:
            pending = campaign.sample_ids.filtered(
                lambda s: (
                    s.state == "selected"
                    and s.surveyor_id
                    and s.response_state != "valid"
                )
            )
            for surveyor in pending.surveyor_id:
                if campaign.activity_ids.filtered(
                    lambda a, u=surveyor: (
                        a.user_id == u and a.activity_type_id == todo_type
                    )
                ):
                    continue
                count = len(pending.filtered(lambda s, u=surveyor: s.surveyor_id == u))
                campaign.activity_schedule(
                    activity_type_id=todo_type.id,
                    summary=self.env._(
                        "%(count)s households to collect before %(date)s",
                        count=count,
                        date=campaign.date_end,
                    ),
                    date_deadline=campaign.date_end,
                    user_id=surveyor.id,
                )
        return True

    def action_view_samples(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_survey.property_survey_sample_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_print_report(self):
        return self.env.ref(
            "property_survey.property_survey_campaign_report"
        ).report_action(self)

    # ------------------------------------------------------------------
    # REPORT HELPERS
    # ------------------------------------------------------------------
    def _report_results(self, dimension, driver=None):
        """Result rows of a dimension; ``driver`` False for overall rows
        only, None for every row."""
        self.ensure_one()
        rows = self.sudo().result_ids.filtered(lambda r: r.dimension == dimension)
        if driver is False:
            rows = rows.filtered(lambda r: not r.driver_id)
        elif driver is not None:
            rows = rows.filtered(lambda r: r.driver_id)
        return rows

    def _report_drivers(self, classes):
        self.ensure_one()
        return self._report_results("overall", True).filtered(
            lambda r: r.classification in classes
        )

    # ------------------------------------------------------------------
    # DEMO
    # ------------------------------------------------------------------
    def _demo_run(self, surveyor_id, shift=None, actioned=None, close=True):
        """Fill demo campaigns with answers drawn from a seeded generator:
        draw, assign the surveyor, start, collect paper questionnaires (one
        without the owner's phone, hence invalid), compute results. ``shift``
        maps a driver code to a change of its mean level; ``actioned`` lists
        driver codes that get a completed improvement action."""
        import random

        means = {
            "customer_service": 4.2,
            "repairs": 3.1,
            "cleaning": 4.0,
            "greening": 4.3,
            "security": 3.9,
            "parking": 2.9,
            "culture": 3.6,
            "fees": 3.3,
        }
        for code, delta in (shift or {}).items():
            means[code] += delta
        Line = self.env["survey.user_input.line"].sudo()
        for campaign in self:
            rng = random.Random(campaign.seed)
            campaign.action_draw_sample()
            campaign.sample_ids.write({"surveyor_id": surveyor_id, "method": "paper"})
            campaign.action_start()
            questions = campaign._rating_questions()
            improve = campaign.survey_id.question_ids.filtered(
                lambda q: q.question_type == "text_box"
            )[:1]
            samples = campaign.sample_ids
            day = campaign.date_start
            for index, sample in enumerate(samples[: len(samples) - 2]):
                sample.write(
                    {
                        "signature": False if index == 3 else "iVBORw0KGgo=",
                        "scan": False,
                        "collected_phone": f"13800138{index:03d}",
                        "date_collected": day,
                    }
                )
                answer = sample._create_answer(sample.surveyor_id.partner_id)
                answer.property_date_collected = day
                levels = {}
                mood = rng.gauss(0, 0.6)  # the respondent's general leaning
                for question in questions:
                    code = question.property_driver_id.code
                    mean = means.get(code, 3.8) + mood
                    levels[question] = min(5, max(1, round(rng.gauss(mean, 0.6))))
                overall = questions.filtered("property_is_overall")
                if overall:
                    drivers = [v for q, v in levels.items() if q != overall]
                    levels[overall] = min(
                        5,
                        max(1, round(sum(drivers) / len(drivers) + rng.gauss(0, 0.4))),
                    )
                vals = [
                    {
                        "user_input_id": answer.id,
                        "question_id": question.id,
                        "answer_type": "scale",
                        "value_scale": level,
                    }
                    for question, level in levels.items()
                ]
                if improve and index % 4 == 0:
                    vals.append(
                        {
                            "user_input_id": answer.id,
                            "question_id": improve.id,
                            "answer_type": "text_box",
                            "value_text_box": rng.choice(
                                [
                                    "Repairs take too long to be scheduled.",
                                    "Cars park on the fire lane at night.",
                                    "Publish how the public revenue is spent.",
                                    "The lift lobby needs more frequent cleaning.",
                                ]
                            ),
                        }
                    )
                Line.create(vals)
                answer._mark_done()
            campaign.action_compute_results()
            for code in actioned or []:
                driver = self.env["property.survey.driver"].search(
                    [("code", "=", code)], limit=1
                )
                action = self.env["property.survey.action"].create(
                    {
                        "name": self.env._("Improve %(driver)s", driver=driver.name),
                        "campaign_id": campaign.id,
                        "driver_id": driver.id,
                        "user_id": campaign.user_id.id,
                        "date_deadline": campaign.date_end,
                    }
                )
                action.action_done()
            if close:
                campaign.action_close()
        return True
