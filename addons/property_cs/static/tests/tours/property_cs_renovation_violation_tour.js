/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// the owner opens their renovation, finds the violation and answers it
registry.category("web_tour.tours").add("property_cs_renovation_violation_tour", {
    steps: () => [
        {
            content: "The renovation's page lists the violation: open it",
            trigger: ".o_property_cs_renovation_violations a.o_property_cs_renovation_violation_link",
            run: "click",
        },
        {
            content: "The violation's description is shown",
            trigger: ".o_property_cs_violation_description:contains('楼道')",
        },
        {
            content: "The evidence photo is shown",
            trigger: ".o_property_cs_violation_photos img",
        },
        {
            content: "Write the answer",
            trigger: ".o_property_cs_violation_answer textarea[name='answer']",
            run: "edit 今天上午已将垃圾清运完毕，楼道已打扫干净。",
        },
        {
            content: "Send it",
            trigger: ".o_property_cs_violation_submit",
            run: "click",
        },
        {
            content: "The answer is in the history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('垃圾清运完毕')",
        },
        {
            content: "The violation is marked answered",
            trigger: ".o_property_cs_violation_state[data-state='answered']",
        },
    ],
});
