/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("property_cs_callback_tour", {
    steps: () => [
        {
            content: "Open my callback of the complaint",
            trigger: ".o_data_row td:contains('Lift noise complaint')",
            run: "click",
        },
        {
            content: "The script is shown",
            trigger: ".o_field_widget[name='script']:contains('customer-service centre')",
        },
        {
            content: "Call the owner",
            trigger: "button[name='action_open_call']",
            run: "click",
        },
        {
            content: "Nobody answers",
            trigger: ".modal .o_field_widget[name='outcome'] input[data-value='unreachable']",
            run: "click",
        },
        {
            content: "Why",
            trigger: ".modal .o_field_widget[name='unreachable_reason'] select",
            run: "selectByLabel No Answer",
        },
        {
            content: "Record the attempt",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "One attempt recorded",
            trigger: ".o_field_widget[name='attempt_count']:contains('1')",
        },
        {
            content: "Call again",
            trigger: "button[name='action_open_call']",
            run: "click",
        },
        {
            content: "The owner answers: satisfied",
            trigger: ".modal .o_field_widget[name='result'] input[data-value='satisfied']",
            run: "click",
        },
        {
            content: "What the owner said",
            trigger: ".modal .o_field_widget[name='comment'] textarea",
            run: "edit The lift is quiet now, thank you",
        },
        {
            content: "Record the answer",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The callback is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
