/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// the developer's site engineer opens the overdue defect handed to the
// company and answers it with a planned repair date
registry.category("web_tour.tours").add("property_cs_developer_tour", {
    steps: () => [
        {
            content: "The overdue defect is listed: open it",
            trigger: ".o_property_cs_developer_row:has(.o_property_cs_developer_overdue) a",
            run: "click",
        },
        {
            content: "The unit and the description are shown",
            trigger: ".o_property_cs_developer_description:contains('空鼓')",
        },
        {
            content: "Write the answer",
            trigger: ".o_property_cs_developer_answer textarea[name='answer']",
            run: "edit 本周五安排抹灰班组铲除空鼓层并重新抹灰。",
        },
        {
            content: "Send it",
            trigger: ".o_property_cs_developer_answer_submit",
            run: "click",
        },
        {
            content: "The answer is shown on the page",
            trigger: ".o_property_cs_developer_answer_given:contains('重新抹灰')",
        },
        {
            content: "and in the history",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('重新抹灰')",
        },
    ],
});
