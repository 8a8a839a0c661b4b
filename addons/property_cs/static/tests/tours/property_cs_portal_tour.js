/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_cs_portal_unit_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open My Units from the portal home",
            trigger: "a[href='/my/units']",
            run: "click",
        },
        {
            content: "Open the unit",
            trigger: ".o_property_cs_unit_row a:contains('B1-101')",
            run: "click",
        },
        {
            content: "The household lists the co-owner",
            trigger: ".o_property_cs_household td:contains('Li Na')",
        },
        {
            content: "The owner's vehicle is listed",
            trigger: ".o_property_cs_portal_unit li:contains('D1234')",
        },
    ],
});
