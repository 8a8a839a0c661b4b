# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.osv import expression

from . import survey_statistics as stats

# the campaign's own figures: like its result rows, head office's only while
# the campaign runs (D-27)
RESULT_FIELDS = (
    "response_count",
    "valid_count",
    "response_rate",
    "overall_degree",
    "overall_rate",
    "target_met",
    "min_sample_met",
)


def _names_result_field(spec):
    """Whether a domain leaf, an order or a group/aggregate spec names one of
    the campaign's figures."""
    return any(
        part.strip().split(" ")[0].split(":")[0].split(".")[0] in RESULT_FIELDS
        for part in str(spec).split(",")
    )


def _key(sample, dimension):
    """The group of a sample in a results dimension."""
    if dimension == "project":
        return sample.project_id
    if dimension == "building":
        return sample.building_id
    return sample.customer_type or ""


class PropertySurveyCampaign(models.Model):
    """Results of a satisfaction campaign (D-29), computed from its valid
    questionnaires only."""

    _inherit = "property.survey.campaign"

    # ------------------------------------------------------------------
    # SECRECY OF THE FIGURES (D-27)
    # ------------------------------------------------------------------
    def _results_hidden(self):
        """Whether the reader may not see the figures of this campaign yet:
        until it closes they are head office's only, as its result rows."""
        self.ensure_one()
        return self.state != "closed" and not self._is_programme_user()

    def _read_format(self, fnames, load="_classic_read"):
        """Blank the campaign's figures of a campaign still running for the
        staff of the surveyed projects (form, list and RPC reads)."""
        result = super()._read_format(fnames, load=load)
        secret = [fname for fname in fnames if fname in RESULT_FIELDS]
        if secret and not self._is_programme_user():
            closed = set(self.filtered(lambda c: c.state == "closed").ids)
            for vals in result:
                if vals.get("id") not in closed:
                    vals.update(dict.fromkeys(secret, False))
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        """For the staff of the surveyed projects, filtering on the figures
        only looks at closed campaigns and sorting on them keeps the default
        order: a search on the figures of a running campaign would tell
        them."""
        if not self._is_programme_user():
            if any(
                isinstance(leaf, (list, tuple)) and _names_result_field(leaf[0])
                for leaf in domain or []
            ):
                domain = expression.AND([domain or [], [("state", "=", "closed")]])
            if order and _names_result_field(order):
                order = self._order
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        """Aggregates of the figures only over closed campaigns for the staff
        of the surveyed projects."""
        if not self._is_programme_user() and any(
            _names_result_field(spec) for spec in (*groupby, *aggregates)
        ):
            domain = expression.AND([domain or [], [("state", "=", "closed")]])
        return super()._read_group(
            domain,
            groupby=groupby,
            aggregates=aggregates,
            having=having,
            offset=offset,
            limit=limit,
            order=order,
        )

    def _done_answers(self, valid_only=False):
        """Finished, non-test questionnaires of the campaign; with
        ``valid_only`` only the valid ones (D-28)."""
        self.ensure_one()
        domain = [
            ("property_campaign_id", "=", self.id),
            ("state", "=", "done"),
            ("test_entry", "=", False),
        ]
        if valid_only:
            domain.append(("property_is_valid", "=", True))
        return self.env["survey.user_input"].sudo().search(domain)

    def _scale_values(self, answers):
        """{answer id: {question id: level}} of the answered rating
        questions of ``answers``, in one query."""
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search_read(
                [
                    ("user_input_id", "in", answers.ids),
                    ("answer_type", "=", "scale"),
                    ("skipped", "=", False),
                ],
                ["user_input_id", "question_id", "value_scale"],
                load=None,
            )
        )
        values = defaultdict(dict)
        for line in lines:
            values[line["user_input_id"]][line["question_id"]] = line["value_scale"]
        return values

    def _results_data(self):
        """Valid answers of the campaign with their rating values: a list of
        dicts {project, building, customer_type, values: {question: level}}.
        A constant number of queries."""
        self.ensure_one()
        answers = self._done_answers(valid_only=True)
        values = self._scale_values(answers)
        data = []
        for answer in answers:
            sample = answer.property_sample_id
            data.append(
                {
                    "project": sample.project_id,
                    "building": sample.building_id,
                    "customer_type": sample.customer_type or "",
                    "values": values[answer.id],
                }
            )
        return data

    def _figures(self, rows, drivers, overall_q):
        """Figures of a group of answers. ``drivers`` maps a driver to
        (weight, [question ids]). Degree: mean over answers of the mean of
        (x − 1) / (k − 1) × 100 of the driver's answered questions; rate:
        share of answered ratings at or above the satisfied level. Overall
        degree: weighted mean of driver degrees; overall rate: share of
        satisfied answers to the overall question (weighted mean of driver
        rates without one)."""
        levels, sat = int(self.scale), self.satisfied_level
        out = {}
        for driver, (_weight, questions) in drivers.items():
            scores, ratings, complete = [], [], []
            for row in rows:
                answered = [row["values"][q] for q in questions if q in row["values"]]
                if answered:
                    scores.append(
                        stats.mean(stats.level_score(v, levels) for v in answered)
                    )
                    ratings += answered
                if len(questions) > 1 and len(answered) == len(questions):
                    complete.append(answered)
            alpha = stats.cronbach_alpha(complete) if len(questions) > 1 else None
            out[driver] = {
                "degree": stats.mean(scores),
                "rate": 100.0 * sum(v >= sat for v in ratings) / len(ratings)
                if ratings
                else 0.0,
                "count": len(scores),
                "alpha": alpha,
                "scores": scores,
            }
        with_data = [d for d in drivers if out[d]["count"]]
        total_w = sum(drivers[d][0] for d in with_data)
        degree = (
            sum(drivers[d][0] * out[d]["degree"] for d in with_data) / total_w
            if total_w
            else 0.0
        )
        overall_values = [
            row["values"][overall_q] for row in rows if overall_q in row["values"]
        ]
        if overall_values:
            rate = 100.0 * sum(v >= sat for v in overall_values) / len(overall_values)
        else:
            rate = (
                sum(drivers[d][0] * out[d]["rate"] for d in with_data) / total_w
                if total_w
                else 0.0
            )
        out[False] = {"degree": degree, "rate": rate, "count": len(rows), "alpha": None}
        return out

    def _importance(self, rows, drivers, overall_q):
        """Importance of each driver: its correlation with the overall
        question across answers; the configured weight when a correlation
        cannot be computed for every driver (D-29)."""
        levels = int(self.scale)
        result = {}
        for driver, (_weight, questions) in drivers.items():
            xs, ys = [], []
            for row in rows:
                answered = [row["values"][q] for q in questions if q in row["values"]]
                if answered and overall_q in row["values"]:
                    xs.append(
                        stats.mean(stats.level_score(v, levels) for v in answered)
                    )
                    ys.append(row["values"][overall_q])
            result[driver] = stats.correlation(xs, ys) if overall_q else None
        if any(value is None for value in result.values()):
            return {d: drivers[d][0] / 100.0 for d in drivers}, "weight"
        return result, "correlation"

    def action_compute_results(self):
        """Compute the campaign's figures (D-29) by project, building and
        customer type, the reliability of multi-question drivers, the
        importance–performance class of each driver and the trend against
        the previous campaign. Until the campaign closes only head office
        computes them: the figures of a running campaign would tell the
        surveyed project how its households answer (D-27)."""
        if self.filtered(lambda c: c.state != "closed"):
            self._check_programme_user()
        Result = self.env["property.survey.result"].sudo()
        customer_types = dict(
            self.env["res.partner"]
            .sudo()
            ._fields["owner_group"]
            ._description_selection(self.env)
        )
        for campaign in self:
            campaign.sudo().result_ids.unlink()
            questions = campaign._rating_questions()
            overall_q = questions.filtered("property_is_overall")[:1].id
            weights = {w.driver_id: w.weight for w in campaign.weight_ids}
            drivers = {}
            for driver in questions.property_driver_id.sorted():
                drivers[driver] = (
                    weights.get(driver, 0.0),
                    questions.filtered(
                        lambda q, d=driver: q.property_driver_id == d
                    ).ids,
                )
            rows = campaign._results_data()
            samples = campaign.sudo().sample_ids.filtered(
                lambda s: s.state == "selected"
            )
            answered = (
                campaign.env["survey.user_input"]
                .sudo()
                .search(
                    [
                        ("property_campaign_id", "=", campaign.id),
                        ("state", "=", "done"),
                        ("test_entry", "=", False),
                    ]
                )
            )
            groups = [("overall", 0, "all", campaign.name, {}, rows, samples, answered)]
            for seq, dim in ((1, "project"), (2, "building"), (3, "customer_type")):
                keys = {row[dim] for row in rows} | {_key(s, dim) for s in samples}
                for value in sorted(keys, key=lambda v: str(getattr(v, "id", v))):
                    if dim == "customer_type":
                        label = customer_types.get(value) or self.env._("Unknown")
                        extra = {"customer_type": value or False}
                    else:
                        label = value.display_name
                        extra = {f"{dim}_id": value.id}
                    groups.append(
                        (
                            dim,
                            seq,
                            str(getattr(value, "id", value)),
                            label,
                            extra,
                            [row for row in rows if row[dim] == value],
                            samples.filtered(lambda s, d=dim, v=value: _key(s, d) == v),
                            answered.filtered(
                                lambda a, d=dim, v=value: (
                                    _key(a.property_sample_id, d) == v
                                )
                            ),
                        )
                    )
            previous = {
                (r.dimension, r.group_key, r.driver_id.id): r.degree
                for r in campaign.previous_campaign_id.sudo().result_ids
            }
            actioned = (
                campaign.previous_campaign_id.sudo()
                .action_ids.filtered(lambda a: a.state in ("in_progress", "done"))
                .driver_id
            )
            importance, source = campaign._importance(rows, drivers, overall_q)
            vals_list = []
            for dim, seq, gkey, label, extra, grows, gsamples, ganswers in groups:
                figures = campaign._figures(grows, drivers, overall_q)
                planned = campaign.sample_size if dim == "overall" else len(gsamples)
                valid = len(grows)
                base = {
                    "campaign_id": campaign.id,
                    "dimension": dim,
                    "dimension_sequence": seq,
                    "group_key": gkey,
                    "group_label": label,
                    "sample_count": len(gsamples),
                    "response_count": len(ganswers),
                    "valid_count": valid,
                    "response_rate": 100.0 * len(ganswers) / len(gsamples)
                    if gsamples
                    else 0.0,
                    "min_sample_met": bool(planned) and valid >= planned,
                    **extra,
                }
                classes = {}
                if dim == "overall":
                    classes = stats.classify(
                        {d: (importance[d], figures[d]["degree"]) for d in drivers}
                    )
                for driver in [False, *drivers]:
                    fig = figures[driver]
                    prev = previous.get((dim, gkey, driver.id if driver else False))
                    vals = dict(
                        base,
                        driver_id=driver.id if driver else False,
                        driver_sequence=driver.sequence if driver else -1,
                        weight=drivers[driver][0] if driver else 100.0,
                        degree=fig["degree"],
                        rate=fig["rate"],
                        valid_count=fig["count"] if driver else valid,
                        alpha=fig["alpha"] or 0.0,
                        has_alpha=fig["alpha"] is not None,
                        has_previous=prev is not None,
                        previous_degree=prev or 0.0,
                        trend=fig["degree"] - prev if prev is not None else 0.0,
                        actioned=bool(driver) and driver in actioned,
                    )
                    if driver and dim == "overall":
                        vals.update(
                            importance=importance[driver],
                            importance_source=source,
                            classification=classes[driver],
                        )
                    vals_list.append(vals)
            Result.create(vals_list)
            overall = campaign._figures(rows, drivers, overall_q)[False]
            campaign.sudo().write(
                {
                    "date_results": fields.Datetime.now(),
                    "response_count": len(answered),
                    "valid_count": len(rows),
                    "response_rate": 100.0 * len(answered) / len(samples)
                    if samples
                    else 0.0,
                    "overall_degree": overall["degree"],
                    "overall_rate": overall["rate"],
                    "target_met": bool(rows) and overall["rate"] >= campaign.target,
                    "min_sample_met": bool(campaign.sample_size)
                    and len(rows) >= campaign.sample_size,
                }
            )
        return True
