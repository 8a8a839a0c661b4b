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
