# Copyright 2026 Property CS Contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import timedelta

from odoo import Command, api, models

# a 1x1 PNG standing in for the inspectors' photos
DEMO_PHOTO = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


class PropertyDemo(models.AbstractModel):
    """The works part of the renovation demo."""

    _inherit = "property.demo"

    @api.model
    def _property_demo_renovation_works(self):
        """Bring the demo permits of demo/property_renovation_works_demo.xml
        (created as approved: the application and review are another demo
        file's) through their works with the action methods: patrols at the
        project's cadence, an open violation and a rectified one, an
        extension to decide, works stopped by an order, works awaiting
        acceptance and works accepted with their warranty dates."""
        ref = self.env.ref
        project = ref("property_cs.demo_project_ghy")
        project.write(
            {
                "renovation_service_grade": "2",
                "renovation_inspection_department_id": ref(
                    "property_cs.property_department_security"
                ).id,
            }
        )
        works = ref("property_cs.property_renovation_works_demo")
        stopped = ref("property_cs.property_renovation_stopped_demo")
        completion = ref("property_cs.property_renovation_completion_demo")
        accepted = ref("property_cs.property_renovation_accepted_demo")
        permits = works | stopped | completion | accepted
        for permit in permits:
            if hasattr(permit, "_renovation_on_approved"):
                permit._renovation_on_approved()
            else:
                permit.unit_id.write(
                    {
                        "current_renovation_id": permit.id,
                        "renovation_state": "in_progress",
                    }
                )
        Renovation = self.env["property.renovation"]
        today = Renovation._works_today()
        for offset in range(40, -1, -1):
            Renovation._cron_renovation_inspections(today - timedelta(days=offset))
        past = permits.inspection_ids.filtered(lambda i: i.date < today)
        past.line_ids.write({"result": "ok"})
        past.action_done()
        Violation = self.env["property.renovation.violation"]

        def photo(name):
            return [Command.create({"name": name, "raw": DEMO_PHOTO})]

        rectified = Violation.create(
            {
                "renovation_id": works.id,
                "inspection_id": works.inspection_ids.sorted("date")[:1].id,
                "violation_type": "waste",
                "description": "装修垃圾堆放在楼梯间，未按规定时间清运。",
                "attachment_ids": photo("楼梯间垃圾.png"),
            }
        )
        rectified.action_rectified()
        rectified.action_verify()
        Violation.create(
            {
                "renovation_id": works.id,
                "violation_type": "hours",
                "description": "中午12:00至14:00使用电锤施工，邻居投诉。",
                "attachment_ids": photo("午休时段施工.png"),
                "deduction_amount": 200.0,
                "deduction_reason": "午休时段施工，经两次劝阻仍未停止。",
            }
        )
        works._request_extension(
            works.date_end + timedelta(days=10), "定制橱柜延期到货，需延长工期。"
        )
        Violation.create(
            {
                "renovation_id": stopped.id,
                "violation_type": "structural",
                "description": "客厅承重墙被开凿门洞，未提供原设计单位的设计方案。",
                "attachment_ids": photo("承重墙开洞.png"),
            }
        ).action_stop_work()
        completion._request_acceptance()
        acceptance = accepted._request_acceptance()
        acceptance.write({"date": accepted.date_end + timedelta(days=2)})
        acceptance.line_ids.write({"result": "ok"})
        acceptance.note = "室内及公共部位检查合格。"
        acceptance.action_pass()
        return True
