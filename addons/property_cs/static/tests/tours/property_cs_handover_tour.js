/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The owner opens their handover record, checks the documents, defects,
// keys and meter readings recorded, and signs it with the portal signature
// form. No selector reads text: the owner reads the portal in Chinese.

function drawOn(canvas) {
    const rect = canvas.getBoundingClientRect();
    const fire = (type, x, y) =>
        canvas.dispatchEvent(
            new PointerEvent(type, {
                bubbles: true,
                cancelable: true,
                clientX: rect.left + x,
                clientY: rect.top + y,
                pointerId: 1,
                pointerType: "mouse",
                isPrimary: true,
                buttons: 1,
            })
        );
    fire("pointerdown", 30, 40);
    for (let i = 1; i <= 10; i++) {
        fire("pointermove", 30 + i * 15, 40 + (i % 2) * 20);
    }
    fire("pointerup", 190, 50);
}

registry.category("web_tour.tours").add("property_cs_handover_sign_tour", {
    steps: () => [
        {
            content: "The record is under way",
            trigger: ".o_property_cs_handover_state[data-state='in_progress']",
        },
        {
            content: "The documents checked are listed",
            trigger: ".o_property_cs_handover_documents li",
        },
        {
            content: "The defect found in the inspection is listed",
            trigger: ".o_property_cs_handover_defects tbody tr",
        },
        {
            content: "The keys and cards handed over are listed",
            trigger: ".o_property_cs_handover_keys tbody tr",
        },
        {
            content: "The meter readings are listed",
            trigger: ".o_property_cs_handover_meters tbody tr",
        },
        {
            content: "Open the signature form",
            trigger: "a.o_property_cs_handover_sign",
            run: "click",
        },
        {
            content: "The signer's name is filled in",
            trigger: ".modal .o_web_sign_name_and_signature input",
        },
        {
            content: "Draw the signature with the finger or the mouse",
            trigger: ".modal.show canvas.o_web_sign_signature",
            run() {
                drawOn(this.anchor);
            },
        },
        {
            content: "Sign",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "The unit is handed over and the page shows the signature",
            trigger: ".o_property_cs_handover_state[data-state='done']",
            // the signature is stored and the page reloaded: slow machines
            timeout: 30000,
        },
        {
            content: "with the signature image",
            trigger: ".o_property_cs_handover_signed img",
        },
    ],
});

// The customer-service agent, on the handover day of 3-103, records a
// defect of the joint inspection and a meter reading on the handover form.
registry.category("web_tour.tours").add("property_cs_handover_staff_tour", {
    steps: () => [
        {
            content: "Open the handover under way of unit 103",
            trigger: ".o_list_view .o_data_row td[name='unit_id']:contains('103')",
            run: "click",
        },
        {
            content: "The form says what is missing before signing",
            trigger: ".o_form_view .alert-warning div[name='sign_blockers']",
        },
        {
            content: "Open the joint inspection",
            trigger: ".o_notebook a.nav-link[name='inspection']",
            run: "click",
        },
        {
            content: "Add a defect",
            trigger: "div[name='defect_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The room",
            trigger: ".modal div[name='room'] input",
            run: "edit 阳台",
        },
        {
            content: "The item",
            trigger: ".modal div[name='item'] input",
            run: "edit 推拉门",
        },
        {
            content: "What is wrong",
            trigger: ".modal div[name='description'] textarea",
            run: "edit 推拉门滑轨变形，关闭不严。",
        },
        {
            content: "Save the defect",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The defect is listed",
            trigger: "div[name='defect_ids'] .o_data_row td[name='item']:contains('推拉门')",
        },
        {
            content: "Open the meter readings",
            trigger: ".o_notebook a.nav-link[name='meters']",
            run: "click",
        },
        {
            content: "Add a reading",
            trigger: "div[name='meter_reading_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The meter number",
            trigger: ".modal div[name='meter_number'] input",
            run: "edit SB-3103-0001",
        },
        {
            content: "The reading",
            trigger: ".modal div[name='reading'] input",
            run: "edit 1.8",
        },
        {
            content: "Save the reading",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The reading is listed",
            trigger: "div[name='meter_reading_ids'] .o_data_row td[name='meter_number']:contains('SB-3103-0001')",
        },
        {
            content: "Save the handover",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
