# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import format_date


class PropertyWarrantyDefect(models.Model):
    """The owner of a warranty defect is told of each step (hand-off, the
    developer's answer, the repair, the verification, a reopening or a
    cancellation) in their language, where they read about their unit."""

    _inherit = "property.warranty.defect"

    # ------------------------------------------------------------------
    # THE OWNER
    # ------------------------------------------------------------------
    def _owner_texts(self, env):
        """{step: text} the owner reads, in ``env``'s language."""
        self.ensure_one()
        values = {
            "item": self.item,
            "unit": self.unit_name,
            "date": format_date(env, self.date_due) if self.date_due else "",
            "planned": format_date(env, self.date_planned) if self.date_planned else "",
            "answer": self.developer_answer or "",
            "reason": self.cancel_reason or "",
        }
        if self.kind == "complaint":
            return {
                "handed": env._(
                    "Your complaint about %(item)s in %(unit)s has been passed "
                    "to the developer, who is asked to answer by %(date)s.",
                    **values,
                ),
                "answered": env._(
                    "The developer has answered your complaint about %(item)s; "
                    "we will get back to you with it.",
                    **values,
                ),
                "closed": env._(
                    "Your complaint about %(item)s passed to the developer is closed.",
                    **values,
                ),
                "reopened": env._(
                    "Your complaint about %(item)s has been passed to the "
                    "developer again, answer due by %(date)s.",
                    **values,
                ),
                "cancelled": env._(
                    "Your complaint about %(item)s is no longer followed with "
                    "the developer. %(reason)s",
                    **values,
                ),
            }
        answered = env._(
            "The developer has answered about %(item)s in %(unit)s: %(answer)s",
            **values,
        )
        if self.date_planned:
            answered += " " + env._("Planned repair: %(planned)s.", **values)
        return {
            "handed": env._(
                "The defect %(item)s in %(unit)s has been passed to the "
                "developer for repair under its warranty, due by %(date)s.",
                **values,
            ),
            "answered": answered,
            "fixed": env._(
                "The developer reports that %(item)s in %(unit)s is repaired; "
                "we will check the repair with you.",
                **values,
            ),
            "closed": env._(
                "The repair of %(item)s in %(unit)s has been checked; the "
                "defect is closed.",
                **values,
            ),
            "reopened": env._(
                "The defect %(item)s in %(unit)s has been passed to the "
                "developer again, repair due by %(date)s.",
                **values,
            ),
            "cancelled": env._(
                "The defect %(item)s in %(unit)s is no longer followed with "
                "the developer. %(reason)s",
                **values,
            ),
        }

    def _notify_owner(self, step):
        """Tell the owner of ``step`` in their language where they read
        about it: the history of their request, else of their handover
        record, else a direct notification. Nothing is posted on the defect
        itself, which the developer reads."""
        self.ensure_one()
        defect = self.sudo()
        owner = defect.partner_id
        if not owner:
            return False
        env = defect._partner_env(owner)
        text = defect._owner_texts(env).get(step)
        if not text:
            return False
        if defect.ticket_id:
            return defect.ticket_id._owner_post_progress(text)
        if defect.handover_id:
            return defect.handover_id.message_post(
                body=text,
                partner_ids=owner.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return (
            self.env["mail.thread"]
            .sudo()
            .message_notify(
                partner_ids=owner.ids,
                body=text,
                subject=env._("Warranty repair of %(unit)s", unit=defect.unit_name),
                model=False,
                res_id=False,
            )
        )
