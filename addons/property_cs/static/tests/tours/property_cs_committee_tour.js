/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// a committee member (the chair, in Chinese) opens the report pack shared
// with the committee and reads its figures
registry.category("web_tour.tours").add("property_cs_committee_tour", {
    steps: () => [
        {
            content: "The committee page shows the member's committee and role",
            trigger: ".o_property_committee_card:contains('第二届业主委员会')",
        },
        {
            content: "The open action items are listed",
            trigger: ".o_property_committee_action_row:contains('审核电梯维保报价')",
        },
        {
            content: "Open the shared report pack",
            trigger: "a.o_property_committee_report_link:contains('绿城·桂花苑')",
            run: "click",
        },
        {
            content: "The work plan is shown",
            trigger: ".o_committee_pack_work_plan:contains('冬季供暖')",
        },
        {
            content: "The tickets by kind are shown",
            trigger: ".o_committee_pack_tickets .o_tickets_received",
        },
        {
            content: "The fund requests and meetings are summed up",
            trigger: ".o_committee_pack_meetings .o_meetings_held",
        },
        {
            content: "Back to the committee page",
            trigger: ".breadcrumb a[href='/my/committee']",
            run: "click",
        },
        {
            content: "Open the meeting held",
            trigger: "a.o_property_committee_meeting_link:contains('第三季度')",
            run: "click",
        },
        {
            content: "Its minutes are shown",
            trigger: ".o_property_committee_minutes:contains('电梯方案')",
        },
    ],
});
