# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vote_arithmetic import fraction_label

MATTER_KINDS = [
    ("special", "Special Matter (Three-Quarter Majority)"),
    ("ordinary", "Ordinary Matter (Simple Majority)"),
]


class PropertyVoteMatterType(models.Model):
    """The kind of matter owners vote on, which sets the quorum and the
    majorities a decision needs (Civil Code Art. 278, domain_standards G1),
    kept as editable data (data/property_vote_data.xml).

    Each threshold is an exact fraction (numerator / denominator, integers)
    with a strictness flag: "at least" (≥, the statute's 以上) or "more
    than" (>, the statute's 过半数). The same threshold applies to the area
    and to the headcount: both must reach it.

    - Quorum: owners holding ≥ 2/3 of the exclusive area and ≥ 2/3 of the
      headcount take part.
    - Special matters (raising the maintenance fund, rebuilding, changing
      the use of common parts or using them commercially): ≥ 3/4 of the
      participating area and ≥ 3/4 of the participating headcount in
      favour.
    - Ordinary matters (using the maintenance fund, the management rules,
      hiring or dismissing the property company, ...): more than 1/2 of
      each. The 2018 Property Management Regulations (Art. 12) still ask 2/3
      of the total for using the fund; the Civil Code prevails.

    A vote copies the thresholds of its matter type when it is created and
    freezes them when it opens (models/property_vote.py): editing a matter
    type never changes the result of a vote already opened."""

    _name = "property.vote.matter.type"
    _description = "Vote Matter Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        MATTER_KINDS,
        required=True,
        default="ordinary",
        help="For the reader only: the thresholds below decide.",
    )
    description = fields.Text(
        translate=True,
        help="Which matters belong to this type, and the legal basis.",
    )
    quorum_numerator = fields.Integer(required=True, default=2)
    quorum_denominator = fields.Integer(required=True, default=3)
    quorum_strict = fields.Boolean(
        string="Quorum: More Than",
        help="Checked: the participating share must be more than the fraction. "
        "Unchecked: at least the fraction (the share equal to it is enough).",
    )
    majority_numerator = fields.Integer(required=True, default=1)
    majority_denominator = fields.Integer(required=True, default=2)
    majority_strict = fields.Boolean(
        string="Majority: More Than",
        default=True,
        help="Checked: the share in favour must be more than the fraction. "
        "Unchecked: at least the fraction (the share equal to it is enough).",
    )
    quorum_label = fields.Char(string="Quorum", compute="_compute_labels")
    majority_label = fields.Char(string="Majority", compute="_compute_labels")

    _sql_constraints = [
        (
            "quorum_fraction",
            "CHECK(quorum_numerator > 0 AND quorum_denominator > 0 "
            "AND quorum_numerator <= quorum_denominator)",
            "The quorum is a fraction between 0 and 1.",
        ),
        (
            "majority_fraction",
            "CHECK(majority_numerator > 0 AND majority_denominator > 0 "
            "AND majority_numerator <= majority_denominator)",
            "The majority is a fraction between 0 and 1.",
        ),
    ]

    @api.depends(
        "quorum_numerator",
        "quorum_denominator",
        "quorum_strict",
        "majority_numerator",
        "majority_denominator",
        "majority_strict",
    )
    def _compute_labels(self):
        for matter in self:
            matter.quorum_label = fraction_label(
                matter.quorum_numerator,
                matter.quorum_denominator,
                matter.quorum_strict,
            )
            matter.majority_label = fraction_label(
                matter.majority_numerator,
                matter.majority_denominator,
                matter.majority_strict,
            )

    @api.constrains(
        "quorum_numerator",
        "quorum_denominator",
        "majority_numerator",
        "majority_denominator",
    )
    def _check_fractions(self):
        """Each threshold is a fraction of the whole: 0 < n ≤ d."""
        for matter in self:
            for numerator, denominator in (
                (matter.quorum_numerator, matter.quorum_denominator),
                (matter.majority_numerator, matter.majority_denominator),
            ):
                if not 0 < numerator <= denominator:
                    raise ValidationError(
                        self.env._(
                            "The thresholds of %(matter)s must be fractions "
                            "between 0 and 1 (numerator at most the "
                            "denominator, both above zero).",
                            matter=matter.name,
                        )
                    )
