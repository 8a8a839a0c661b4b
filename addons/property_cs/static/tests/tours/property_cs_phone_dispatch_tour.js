/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_cs_phone_dispatch_tour", {
    steps: () => [
        {
            content: "Create a ticket from the tickets list",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Type what the caller says",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Water leaking from the ceiling",
        },
        {
            content: "Type the caller's number",
            trigger: ".o_field_widget[name='partner_phone'] input",
            run: "edit 138 0000 0001 && press Tab",
        },
        {
            content: "The owner is found from the number",
            trigger: ".o_field_widget[name='partner_id'] input:value(Zhang Wei)",
        },
        {
            content: "So is the unit",
            trigger: ".o_field_widget[name='unit_id'] input:value(B1-101)",
        },
        {
            content: "The handling tip is shown beside the form",
            trigger: ".o_property_cs_ticket_owner_context:contains('respected')",
        },
        {
            content: "Classify the request",
            trigger: ".o_field_widget[name='category_id'] input",
            run: "edit Water Leak",
        },
        {
            content: "Pick the category",
            trigger: ".o-autocomplete--dropdown-item:contains('Water Leak')",
            run: "click",
        },
        {
            content: "The engineering department is proposed",
            trigger: ".o_field_widget[name='department_id'] input:value(Engineering)",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Dispatch",
            trigger: "button[name='action_open_assign']:contains('Dispatch')",
            run: "click",
        },
        {
            content: "Choose the technician",
            trigger: ".modal .o_field_widget[name='user_id'] input",
            run: "edit PCS Technician",
        },
        {
            content: "Pick the technician",
            trigger: ".o-autocomplete--dropdown-item:contains('PCS Technician')",
            run: "click",
        },
        {
            content: "Confirm the dispatch",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The ticket is dispatched",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Dispatched')",
        },
    ],
});
