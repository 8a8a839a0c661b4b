# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import SQL


class PropertySurveyCampaign(models.Model):
    """Participation in community events as a customer attribute of the
    sample and a dimension of the results (D-29, D-30)."""

    _inherit = "property.survey.campaign"

    def _insert_samples(self, vals_list):
        """The drawn households get their participation attribute in one
        more statement."""
        res = super()._insert_samples(vals_list)
        if vals_list:
            self.env["property.survey.sample"]._property_fill_event_participation(
                SQL("s.campaign_id = %s", self.id)
            )
        return res

    def action_compute_results(self):
        """Add the results of the households that took part in community
        events and of those that did not (computed after the others, with
        the same figures)."""
        res = super().action_compute_results()
        for campaign in self:
            campaign._compute_event_participation_results()
        return res

    def _compute_event_participation_results(self):
        self.ensure_one()
        questions = self._rating_questions()
        overall_q = questions.filtered("property_is_overall")[:1].id
        weights = {w.driver_id: w.weight for w in self.weight_ids}
        drivers = {
            driver: (
                weights.get(driver, 0.0),
                questions.filtered(lambda q, d=driver: q.property_driver_id == d).ids,
            )
            for driver in questions.property_driver_id.sorted()
        }
        valid = self._done_answers(valid_only=True)
        values = self._scale_values(valid)
        answered = self._done_answers()
        samples = self.sudo().sample_ids.filtered(lambda s: s.state == "selected")
        previous = {
            (r.group_key, r.driver_id.id): r.degree
            for r in self.previous_campaign_id.sudo().result_ids
            if r.dimension == "event_participation"
        }
        actioned = (
            self.previous_campaign_id.sudo()
            .action_ids.filtered(lambda a: a.state in ("in_progress", "done"))
            .driver_id
        )
        labels = {
            True: self.env._("Took part in community events"),
            False: self.env._("No community event in the last 12 months"),
        }
        vals_list = []
        for flag in (True, False):
            gsamples = samples.filtered(
                lambda s, f=flag: s.property_event_participant == f
            )
            rows = [
                {"values": values[answer.id]}
                for answer in valid
                if answer.property_sample_id.property_event_participant == flag
            ]
            ganswers = answered.filtered(
                lambda a, f=flag: a.property_sample_id.property_event_participant == f
            )
            if not gsamples and not rows:
                continue
            figures = self._figures(rows, drivers, overall_q)
            gkey = "1" if flag else "0"
            base = {
                "campaign_id": self.id,
                "dimension": "event_participation",
                "dimension_sequence": 4,
                "group_key": gkey,
                "group_label": labels[flag],
                "sample_count": len(gsamples),
                "response_count": len(ganswers),
                "valid_count": len(rows),
                "response_rate": 100.0 * len(ganswers) / len(gsamples)
                if gsamples
                else 0.0,
                "min_sample_met": bool(gsamples) and len(rows) >= len(gsamples),
            }
            for driver in [False, *drivers]:
                fig = figures[driver]
                prev = previous.get((gkey, driver.id if driver else False))
                vals_list.append(
                    dict(
                        base,
                        driver_id=driver.id if driver else False,
                        driver_sequence=driver.sequence if driver else -1,
                        weight=drivers[driver][0] if driver else 100.0,
                        degree=fig["degree"],
                        rate=fig["rate"],
                        valid_count=fig["count"] if driver else len(rows),
                        alpha=fig["alpha"] or 0.0,
                        has_alpha=fig["alpha"] is not None,
                        has_previous=prev is not None,
                        previous_degree=prev or 0.0,
                        trend=fig["degree"] - prev if prev is not None else 0.0,
                        actioned=bool(driver) and driver in actioned,
                    )
                )
        self.env["property.survey.result"].sudo().create(vals_list)
