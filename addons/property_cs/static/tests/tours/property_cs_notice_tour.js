/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// the owner opens the notices from the portal home, reads one and
// acknowledges it
registry.category("web_tour.tours").add("property_cs_notice_ack_tour", {
    steps: () => [
        {
            content: "Open the notices from the portal home",
            trigger: "a[href='/my/notices']",
            run: "click",
        },
        {
            content: "The notice asks for an acknowledgement: open it",
            trigger: ".o_property_cs_notice_row:contains('门禁系统升级') a",
            run: "click",
        },
        {
            content: "The text is shown",
            trigger: ".o_property_cs_notice_body:contains('门禁系统将于本周六升级')",
        },
        {
            content: "Acknowledge it",
            trigger: "button.o_property_cs_notice_ack",
            run: "click",
        },
        {
            content: "The acknowledgement is confirmed",
            trigger: ".o_property_cs_notice_acked",
        },
    ],
});
