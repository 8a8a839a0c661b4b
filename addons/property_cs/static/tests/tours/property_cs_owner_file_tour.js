/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_cs_owner_file_tour", {
    steps: () => [
        {
            content: "Open the owner from the owners list",
            trigger: ".o_list_view .o_data_row td:contains('Zhang Wei')",
            run: "click",
        },
        {
            content: "The handling tip is shown to staff",
            trigger: ".o_property_cs_owner_alert:contains('respected')",
        },
        {
            content: "The key-customer reason is explained",
            trigger: ".o_property_cs_owner_alert:contains('owners')",
        },
        {
            content: "Open the owner file",
            trigger: ".o_notebook a:contains('Owner File')",
            run: "click",
        },
        {
            content: "The ID number is masked for an agent",
            trigger: "div[name='id_number_masked']:contains('1***************34')",
        },
        {
            content: "The unit is listed",
            trigger: "div[name='unit_link_ids'] td:contains('B1-101')",
        },
    ],
});
