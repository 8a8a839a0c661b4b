# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Chinese capital numerals of amounts on receipts (大写金额)
CAPITALS = {
    "zh_CN": {
        "digits": "零壹贰叁肆伍陆柒捌玖",
        "units": ("", "拾", "佰", "仟"),
        "groups": ("", "万", "亿", "万亿"),
        "yuan": "元",
        "jiao": "角",
        "fen": "分",
        "whole": "整",
        "negative": "负",
    },
    "zh_TW": {
        "digits": "零壹貳參肆伍陸柒捌玖",
        "units": ("", "拾", "佰", "仟"),
        "groups": ("", "萬", "億", "萬億"),
        "yuan": "元",
        "jiao": "角",
        "fen": "分",
        "whole": "整",
        "negative": "負",
    },
}


def amount_in_capitals(amount, lang="zh_CN"):
    """An amount in Chinese capital numerals as written on receipts and
    cheques: 1005.07 -> 壹仟零伍元零柒分, 100000.5 -> 壹拾万元伍角整.
    A zero inside the number is written once; whole amounts end in 整."""
    words = CAPITALS.get(lang, CAPITALS["zh_CN"])
    digits = words["digits"]
    cents = round(abs(amount) * 100)
    integer, fraction = divmod(cents, 100)
    jiao, fen = divmod(fraction, 10)
    text = ""
    if integer:
        groups = []
        while integer:
            integer, group = divmod(integer, 10000)
            groups.append(group)
        need_zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if not group:
                need_zero = bool(text)
                continue
            if text and (need_zero or group < 1000):
                text += digits[0]
            part, zero = "", False
            for position in range(3, -1, -1):
                digit = group // 10**position % 10
                if not digit:
                    zero = bool(part)
                    continue
                if zero:
                    part += digits[0]
                    zero = False
                part += digits[digit] + words["units"][position]
            text += part + words["groups"][index]
            need_zero = False
        text += words["yuan"]
    if not jiao and not fen:
        text = (text or digits[0] + words["yuan"]) + words["whole"]
    else:
        if jiao:
            text += digits[jiao] + words["jiao"]
        elif text:
            text += digits[0]
        if fen:
            text += digits[fen] + words["fen"]
        else:
            text += words["whole"]
    return (words["negative"] if amount < 0 else "") + text


class AccountPayment(models.Model):
    """A payment taken at the front desk prints as a receipt (收据) with the
    amount in Chinese capitals and the bills and units it pays
    (domain_standards F6)."""

    _inherit = "account.payment"

    def _property_amount_in_capitals(self, lang=None):
        self.ensure_one()
        lang = lang or self.partner_id.lang or self.env.lang or "zh_CN"
        return amount_in_capitals(self.amount, "zh_TW" if lang == "zh_TW" else "zh_CN")

    property_unit_id = fields.Many2one(
        "property.unit",
        string="Unit",
        index=True,
        help="The unit whose fees this payment settles; what is left after its "
        "unpaid bills is kept as a prepayment for its next bills.",
    )

    def _generate_journal_entry(
        self, write_off_line_vals=None, force_balance=None, line_ids=None
    ):
        """The payment's journal entry carries its unit and project, so that
        the unit's receivables and prepayment are read from its items."""
        result = super()._generate_journal_entry(
            write_off_line_vals=write_off_line_vals,
            force_balance=force_balance,
            line_ids=line_ids,
        )
        self._property_sync_unit()
        return result

    def write(self, vals):
        result = super().write(vals)
        if "property_unit_id" in vals:
            self._property_sync_unit()
        return result

    def _property_sync_unit(self):
        for payment in self.filtered(lambda p: p.move_id):
            unit = payment.property_unit_id
            if payment.move_id.property_unit_id != unit:
                payment.move_id.sudo().write(
                    {
                        "property_unit_id": unit.id,
                        "property_project_id": unit.project_id.id,
                    }
                )

    def action_post(self):
        """A unit's payment is checked against the prepayment limit, then
        settles the unit's unpaid bills of the payer at once; the rest is
        the unit's prepayment."""
        for payment in self.filtered(
            lambda p: p.property_unit_id and p.payment_type == "inbound"
        ):
            payment.property_unit_id._property_check_prepayment(
                payment.partner_id, payment.amount
            )
        result = super().action_post()
        for payment in self.filtered("property_unit_id"):
            self.env["account.move"]._property_reconcile_unit(
                payment.partner_id, payment.property_unit_id
            )
        return result
