# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models

from .property_vote import COUNTED_STATES
from .vote_arithmetic import (
    comparison_sign,
    format_area,
    format_percent,
    meets,
    percent,
    threshold_percent,
    to_cents,
)

CHOICES = ("yes", "no", "abstain")
RESULT_STATES = [
    ("pending", "Not Counted Yet"),
    ("passed", "Passed"),
    ("no_quorum", "Not Passed: Quorum Not Reached"),
    ("rejected", "Not Passed: Majority Not Reached"),
]


class PropertyVote(models.Model):
    """The count of an owners' vote (Civil Code Art. 278, domain_standards
    G1): participation, and the choices, by exclusive area and by headcount,
    against the vote's frozen electorate and thresholds, with the arithmetic
    shown. Only ballots in state "valid" count.

    The figures are computed as superuser from the ballots, which staff
    cannot read (security/property_vote_security.xml): while the vote runs
    everyone reading the vote sees the participation only; the choices and
    the verdict appear once it is closed. The scrutineers, who see the
    ballots, get the running tally from ``_count_result`` (the portal pages
    check that the reader is a scrutineer first)."""

    _inherit = "property.vote"

    results_hidden = fields.Boolean(
        compute="_compute_result",
        compute_sudo=True,
        help="The choices are counted when voting closes.",
    )
    participation_area = fields.Float(
        string="Participating Area (m²)",
        digits=(16, 2),
        compute="_compute_result",
        compute_sudo=True,
    )
    participation_headcount = fields.Integer(
        string="Participating Owners", compute="_compute_result", compute_sudo=True
    )
    participation_area_rate = fields.Float(
        string="Participation by Area (%)",
        digits=(5, 2),
        compute="_compute_result",
        compute_sudo=True,
    )
    participation_headcount_rate = fields.Float(
        string="Participation by Headcount (%)",
        digits=(5, 2),
        compute="_compute_result",
        compute_sudo=True,
    )
    yes_area = fields.Float(
        string="Area For (m²)",
        digits=(16, 2),
        compute="_compute_result",
        compute_sudo=True,
    )
    no_area = fields.Float(
        string="Area Against (m²)",
        digits=(16, 2),
        compute="_compute_result",
        compute_sudo=True,
    )
    abstain_area = fields.Float(
        string="Area Abstaining (m²)",
        digits=(16, 2),
        compute="_compute_result",
        compute_sudo=True,
    )
    yes_headcount = fields.Integer(
        string="Owners For", compute="_compute_result", compute_sudo=True
    )
    no_headcount = fields.Integer(
        string="Owners Against", compute="_compute_result", compute_sudo=True
    )
    abstain_headcount = fields.Integer(
        string="Owners Abstaining", compute="_compute_result", compute_sudo=True
    )
    quorum_area_met = fields.Boolean(
        string="Quorum by Area Reached", compute="_compute_result", compute_sudo=True
    )
    quorum_headcount_met = fields.Boolean(
        string="Quorum by Headcount Reached",
        compute="_compute_result",
        compute_sudo=True,
    )
    quorum_met = fields.Boolean(
        string="Quorum Reached", compute="_compute_result", compute_sudo=True
    )
    majority_area_met = fields.Boolean(
        string="Majority by Area Reached",
        compute="_compute_result",
        compute_sudo=True,
    )
    majority_headcount_met = fields.Boolean(
        string="Majority by Headcount Reached",
        compute="_compute_result",
        compute_sudo=True,
    )
    is_passed = fields.Boolean(
        string="Passed", compute="_compute_result", compute_sudo=True
    )
    result_state = fields.Selection(
        RESULT_STATES,
        string="Result",
        compute="_compute_result",
        compute_sudo=True,
    )
    result_text = fields.Text(
        string="Arithmetic", compute="_compute_result", compute_sudo=True
    )
    ballot_valid_count = fields.Integer(
        string="Counted Ballots", compute="_compute_result", compute_sudo=True
    )
    ballot_draft_count = fields.Integer(
        string="Ballots to Confirm",
        compute="_compute_result",
        compute_sudo=True,
        help="Ballots not confirmed yet (e.g. a paper ballot entered once): "
        "they do not count.",
    )
    ballot_void_count = fields.Integer(
        string="Void Ballots", compute="_compute_result", compute_sudo=True
    )

    # ------------------------------------------------------------------
    # COUNT
    # ------------------------------------------------------------------
    def _count_result(self):
        """Count the vote from its ballots in state "valid" (as superuser)
        against its frozen electorate and thresholds, and return a dict:

        - ``total_area`` / ``area``: the electorate's and the participating
          exclusive area, in hundredths of m² (integers); ``total_headcount``
          / ``headcount``: owners, i.e. distinct headcount keys of the
          electorate and of the units with a counted ballot;
        - ``yes_area``, ``no_area``, ``abstain_area`` (hundredths of m²) and
          ``yes_headcount``, ``no_headcount``, ``abstain_headcount``: each
          unit's area counts for its ballot's choice; an owner counted once
          (several units, the developer's units) counts for the choice of
          their ballots, and as abstaining when their ballots differ
          (``mixed_headcount``: a split vote is no single will for either
          side, but they took part);
        - ``quorum_area_met``, ``quorum_headcount_met``, ``quorum_met``:
          participation against the quorum, both measures;
          ``majority_area_met``, ``majority_headcount_met``,
          ``majority_met``: the area and the owners in favour against the
          participating area and owners; ``passed``: quorum and majority;
          ``state``: passed / no_quorum / rejected;
        - ``lines``: the arithmetic, one line per threshold, as text in the
          reader's language; ``unit_ids``: the units that took part, in the
          electorate's order; ``valid_count``, ``draft_count``,
          ``void_count``: ballots per state.

        Thresholds are compared in integers (models/vote_arithmetic.py):
        exactly 2/3 or 3/4 reaches an "at least" threshold, exactly 1/2 does
        not reach "more than 1/2". Abstentions take part (quorum) and are not
        in favour (majority)."""
        self.ensure_one()
        vote = self.sudo()
        electors = vote.elector_ids
        by_unit = {elector.unit_id.id: elector for elector in electors}
        Ballot = self.env["property.vote.ballot"].sudo()
        per_state = dict(
            Ballot._read_group([("vote_id", "=", vote.id)], ["state"], ["__count"])
        )
        area = dict.fromkeys(CHOICES, 0)
        key_choices = defaultdict(set)
        voted_units = set()
        for ballot in Ballot.search(
            [("vote_id", "=", vote.id), ("state", "=", "valid")]
        ):
            elector = by_unit.get(ballot.unit_id.id)
            if not elector or ballot.choice not in CHOICES:
                continue
            area[ballot.choice] += to_cents(elector.area)
            key_choices[elector.voter_key].add(ballot.choice)
            voted_units.add(ballot.unit_id.id)
        headcount = dict.fromkeys(CHOICES, 0)
        mixed = 0
        for choices in key_choices.values():
            if len(choices) == 1:
                headcount[next(iter(choices))] += 1
            else:
                headcount["abstain"] += 1
                mixed += 1
        total_area = sum(to_cents(elector.area) for elector in electors)
        total_headcount = len(set(electors.mapped("voter_key")))
        part_area = sum(area.values())
        part_headcount = len(key_choices)
        quorum = (vote.quorum_numerator, vote.quorum_denominator, vote.quorum_strict)
        majority = (
            vote.majority_numerator,
            vote.majority_denominator,
            vote.majority_strict,
        )
        result = {
            "total_area": total_area,
            "total_headcount": total_headcount,
            "area": part_area,
            "headcount": part_headcount,
            "yes_area": area["yes"],
            "no_area": area["no"],
            "abstain_area": area["abstain"],
            "yes_headcount": headcount["yes"],
            "no_headcount": headcount["no"],
            "abstain_headcount": headcount["abstain"],
            "mixed_headcount": mixed,
            "quorum_area_met": meets(part_area, total_area, *quorum),
            "quorum_headcount_met": meets(part_headcount, total_headcount, *quorum),
            "majority_area_met": meets(area["yes"], part_area, *majority),
            "majority_headcount_met": meets(
                headcount["yes"], part_headcount, *majority
            ),
            "unit_ids": [
                elector.unit_id.id
                for elector in electors
                if elector.unit_id.id in voted_units
            ],
            "valid_count": per_state.get("valid", 0),
            "draft_count": per_state.get("draft", 0),
            "void_count": per_state.get("void", 0),
        }
        result["quorum_met"] = (
            result["quorum_area_met"] and result["quorum_headcount_met"]
        )
        result["majority_met"] = (
            result["majority_area_met"] and result["majority_headcount_met"]
        )
        result["passed"] = result["quorum_met"] and result["majority_met"]
        if not result["quorum_met"]:
            result["state"] = "no_quorum"
        elif not result["majority_met"]:
            result["state"] = "rejected"
        else:
            result["state"] = "passed"
        result["lines"] = vote._result_lines(result)
        return result

    def _result_lines(self, result, env=None):
        """The arithmetic of ``result`` (see ``_count_result``), one line per
        threshold, e.g. "Quorum by area: participating area 12,345.67 m² /
        total area 18,000.00 m² = 68.59% ≥ 2/3: reached"."""
        self.ensure_one()
        env = env or self.env
        quorum = (self.quorum_numerator, self.quorum_denominator, self.quorum_strict)
        majority = (
            self.majority_numerator,
            self.majority_denominator,
            self.majority_strict,
        )

        def parts(part, whole, threshold, met):
            numerator, denominator, strict = threshold
            return {
                "percent": format_percent(
                    threshold_percent(part, whole, numerator, denominator)
                ),
                "sign": comparison_sign(met, strict),
                "fraction": f"{numerator}/{denominator}",
                "verdict": env._("reached") if met else env._("not reached"),
            }

        lines = [
            env._(
                "Quorum by area: participating area %(part)s m² / total area "
                "%(whole)s m² = %(percent)s %(sign)s %(fraction)s: %(verdict)s",
                part=format_area(result["area"]),
                whole=format_area(result["total_area"]),
                **parts(
                    result["area"],
                    result["total_area"],
                    quorum,
                    result["quorum_area_met"],
                ),
            ),
            env._(
                "Quorum by headcount: participating owners %(part)s / total "
                "owners %(whole)s = %(percent)s %(sign)s %(fraction)s: "
                "%(verdict)s",
                part=result["headcount"],
                whole=result["total_headcount"],
                **parts(
                    result["headcount"],
                    result["total_headcount"],
                    quorum,
                    result["quorum_headcount_met"],
                ),
            ),
            env._(
                "Majority by area: area in favour %(part)s m² / participating "
                "area %(whole)s m² = %(percent)s %(sign)s %(fraction)s: "
                "%(verdict)s",
                part=format_area(result["yes_area"]),
                whole=format_area(result["area"]),
                **parts(
                    result["yes_area"],
                    result["area"],
                    majority,
                    result["majority_area_met"],
                ),
            ),
            env._(
                "Majority by headcount: owners in favour %(part)s / "
                "participating owners %(whole)s = %(percent)s %(sign)s "
                "%(fraction)s: %(verdict)s",
                part=result["yes_headcount"],
                whole=result["headcount"],
                **parts(
                    result["yes_headcount"],
                    result["headcount"],
                    majority,
                    result["majority_headcount_met"],
                ),
            ),
        ]
        if result["mixed_headcount"]:
            lines.append(
                env._(
                    "%(count)s owners counted once voted differently on their "
                    "units: they take part and count as abstaining in the "
                    "headcount.",
                    count=result["mixed_headcount"],
                )
            )
        return lines

    def _verdict_label(self, result, env=None):
        """The verdict of ``result`` in one sentence."""
        env = env or self.env
        return {
            "passed": env._("Passed: quorum and majority reached."),
            "no_quorum": env._("Not passed: the quorum was not reached."),
            "rejected": env._("Not passed: the majority was not reached."),
        }[result["state"]]

    def _results_are_hidden(self):
        """The choices are counted and shown once the vote is closed."""
        self.ensure_one()
        return self.state not in COUNTED_STATES

    @api.depends(
        "state",
        "elector_ids",
        "ballot_ids.state",
        "ballot_ids.choice",
        "quorum_numerator",
        "quorum_denominator",
        "quorum_strict",
        "majority_numerator",
        "majority_denominator",
        "majority_strict",
    )
    def _compute_result(self):
        """The result fields of the form and lists, from ``_count_result``.
        While the vote is in draft or open, only the participation (and the
        quorum reached so far) is filled: the choices, the majority and the
        verdict stay empty until it closes."""
        for vote in self:
            if not vote.id or not vote.elector_ids:
                result = None
            else:
                result = vote._count_result()
            hidden = vote._results_are_hidden()
            vote.results_hidden = hidden
            if not result:
                vote._set_empty_result()
                continue
            vote.participation_area = result["area"] / 100
            vote.participation_headcount = result["headcount"]
            vote.participation_area_rate = float(
                percent(result["area"], result["total_area"])
            )
            vote.participation_headcount_rate = float(
                percent(result["headcount"], result["total_headcount"])
            )
            vote.quorum_area_met = result["quorum_area_met"]
            vote.quorum_headcount_met = result["quorum_headcount_met"]
            vote.quorum_met = result["quorum_met"]
            vote.ballot_valid_count = result["valid_count"]
            vote.ballot_draft_count = result["draft_count"]
            vote.ballot_void_count = result["void_count"]
            if hidden:
                for choice in CHOICES:
                    vote[f"{choice}_area"] = 0.0
                    vote[f"{choice}_headcount"] = 0
                vote.majority_area_met = vote.majority_headcount_met = False
                vote.is_passed = False
                vote.result_state = "pending"
                vote.result_text = "\n".join(
                    [
                        *result["lines"][:2],
                        self.env._("The choices are counted when voting closes."),
                    ]
                )
                continue
            for choice in CHOICES:
                vote[f"{choice}_area"] = result[f"{choice}_area"] / 100
                vote[f"{choice}_headcount"] = result[f"{choice}_headcount"]
            vote.majority_area_met = result["majority_area_met"]
            vote.majority_headcount_met = result["majority_headcount_met"]
            vote.is_passed = result["passed"]
            vote.result_state = result["state"]
            vote.result_text = "\n".join(
                [self._verdict_label(result), *result["lines"]]
            )

    def _set_empty_result(self):
        self.ensure_one()
        for name in (
            "participation_area",
            "participation_area_rate",
            "participation_headcount_rate",
            "yes_area",
            "no_area",
            "abstain_area",
        ):
            self[name] = 0.0
        for name in (
            "participation_headcount",
            "yes_headcount",
            "no_headcount",
            "abstain_headcount",
            "ballot_valid_count",
            "ballot_draft_count",
            "ballot_void_count",
        ):
            self[name] = 0
        for name in (
            "quorum_area_met",
            "quorum_headcount_met",
            "quorum_met",
            "majority_area_met",
            "majority_headcount_met",
            "is_passed",
        ):
            self[name] = False
        self.result_state = "pending"
        self.result_text = False

    # ------------------------------------------------------------------
    # WEIGHTS
    # ------------------------------------------------------------------
    def _ballot_weight(self, ballot):
        """What ``ballot`` weighs in this vote, from the frozen electorate:
        {"area": m² (float), "area_cents": hundredths of m² (int),
        "voter_key": headcount key, "is_developer": bool}; None when its
        unit is not in the electorate."""
        self.ensure_one()
        elector = self._elector_for(ballot.unit_id)
        if not elector:
            return None
        return {
            "area": elector.area,
            "area_cents": to_cents(elector.area),
            "voter_key": elector.voter_key,
            "is_developer": elector.is_developer,
        }
