/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

function radio(field, value) {
    return {
        content: `Choose ${value} for ${field}`,
        trigger: `.o_field_widget[name='${field}'] input[data-value='${value}']`,
        run: "click",
    };
}

function text(field, value) {
    return {
        content: `Record ${field}`,
        trigger: `.o_field_widget[name='${field}'] textarea`,
        run: `edit ${value}`,
    };
}

function step(button, label) {
    return [
        {
            content: `Click ${button}`,
            trigger: `.o_form_statusbar button[name='${button}']`,
            run: "click",
        },
        {
            content: `The complaint reaches ${label}`,
            trigger: `.o_field_widget[name='complaint_step'] button.o_arrow_button_current:contains('${label}')`,
        },
    ];
}

registry.category("web_tour.tours").add("property_cs_complaint_tour", {
    steps: () => [
        {
            content: "Record a complaint from the complaints list",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            content: "What the owner complains about",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit The lift broke down again and nobody came",
        },
        {
            content: "The caller's number finds the owner",
            trigger: ".o_field_widget[name='partner_phone'] input",
            run: "edit 138 0000 0001 && press Tab",
        },
        {
            content: "The owner is found",
            trigger: ".o_field_widget[name='partner_id'] input:value(Zhang Wei)",
        },
        {
            content: "Calm, listen, judge: the guide and the owner's handling tip are shown",
            trigger: ".o_property_cs_complaint_guide:contains('Calm, listen, judge')",
        },
        {
            content: "The handling tip is beside the form",
            trigger: ".o_property_cs_ticket_owner_context:contains('respected')",
        },
        radio("complaint_emotion", "angry"),
        {
            content: "What the owner wants",
            trigger: ".o_field_widget[name='complaint_demand'] select",
            run: 'select "solve"',
        },
        radio("complaint_at_fault", "yes"),
        text("complaint_remedy", "Repair the lift today and an apology"),
        radio("complaint_nature", "grievance"),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        ...step("action_complaint_confirm", "Confirmed"),
        radio("complaint_severity", "serious"),
        text("complaint_impact", "Owners of building 1, elderly residents upstairs"),
        ...step("action_complaint_investigate", "Investigated"),
        text("complaint_plan", "Lift contractor on site today; daily checks for a month"),
        ...step("action_complaint_plan", "Recovery Plan"),
        text("complaint_reply", "The contractor repairs the lift today and checks it daily"),
        ...step("action_complaint_reply", "Replied"),
        radio("complaint_owner_answer", "accepted"),
        ...step("action_complaint_recovered", "Recovered"),
        {
            content: "The complaint is done and waits for its callback by another agent",
            trigger: ".o_form_statusbar:not(:has(button[name='action_complaint_callback_done']))",
        },
    ],
});

registry.category("web_tour.tours").add("property_cs_complaint_close_tour", {
    steps: () => [
        {
            content: "The owner was called back",
            trigger: ".o_field_widget[name='complaint_step'] button.o_arrow_button_current:contains('Called Back')",
        },
        text("complaint_summary", "Lift contractor replaced; weekly checks written into the contract"),
        ...step("action_complaint_summarize", "Summarised and Archived"),
    ],
});
