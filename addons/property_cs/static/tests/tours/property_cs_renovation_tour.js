/** @odoo-module **/
// Copyright 2026 Property CS Contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

// The owner applies for a renovation from their unit page with the
// documents attached, submits, ticks every declaration and signs the rules
// with the portal signature form. No selector reads text: the owner reads
// the portal in Chinese.
//
// The steps are exported so that a later tour (the works part: the owner
// sees a violation and answers it) can start with them:
//   import { ownerAppliesSteps } from "@property_cs/../tests/tours/property_cs_renovation_tour";

function isoDate(daysAhead) {
    const day = new Date(Date.now() + daysAhead * 86400000);
    return day.toISOString().slice(0, 10);
}

function attachPdf(input, fileName) {
    const transfer = new DataTransfer();
    transfer.items.add(
        new File(["%PDF-1.4\n% scan of " + fileName + "\n"], fileName, {
            type: "application/pdf",
        })
    );
    input.files = transfer.files;
}

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

export function ownerAppliesSteps() {
    return [
        {
            content: "The unit page offers the renovation application",
            trigger: "a.o_property_cs_renovation_apply",
            run: "click",
        },
        {
            content: "Plan the works from next week for a month",
            trigger: ".o_property_cs_renovation_form input[name='date_start']",
            run() {
                this.anchor.value = isoDate(7);
                document.querySelector(
                    ".o_property_cs_renovation_form input[name='date_end']"
                ).value = isoDate(37);
            },
        },
        {
            content: "Tick the first item of the works checklist",
            trigger: ".o_property_cs_renovation_form input[name='scope_ids'][data-structural='0']:eq(0)",
            run: "check",
        },
        {
            content: "Describe the works",
            trigger: ".o_property_cs_renovation_form textarea[name='description']",
            run: "edit 客厅隔墙重新粉刷",
        },
        {
            content: "Register a worker",
            trigger: ".o_property_cs_renovation_form input[name='worker_name']:eq(0)",
            run: "edit 李师傅",
        },
        {
            content: "With the worker's identity number",
            trigger: ".o_property_cs_renovation_form input[name='worker_id_number']:eq(0)",
            run: "edit 330106198507150017",
        },
        {
            content: "The neighbours were told",
            trigger: ".o_property_cs_renovation_form input[name='neighbour_notice']",
            run: "check",
        },
        {
            content: "Attach the proof of title",
            trigger: ".o_property_cs_renovation_form input[name='document_title_proof']",
            run() {
                attachPdf(this.anchor, "title.pdf");
            },
        },
        {
            content: "Attach the owner's ID",
            trigger: ".o_property_cs_renovation_form input[name='document_applicant_id']",
            run() {
                attachPdf(this.anchor, "id.pdf");
            },
        },
        {
            content: "Save the application",
            trigger: ".o_property_cs_renovation_form button.o_property_cs_renovation_save",
            run: "click",
        },
        {
            content: "The application is a draft with nothing missing",
            trigger: ".o_property_cs_portal_renovation:not(:has(.o_property_cs_renovation_missing)) .o_property_cs_renovation_state[data-state='draft']",
        },
        {
            content: "Submit it",
            trigger: "button.o_property_cs_renovation_submit",
            run: "click",
        },
        {
            content: "Customer service received it",
            trigger: ".o_property_cs_renovation_state[data-state='submitted']",
        },
        {
            content: "Tick every declaration of the rules",
            trigger: "form.o_property_cs_renovation_declare input[name='prohibition_ids']",
            run() {
                for (const box of document.querySelectorAll(
                    "form.o_property_cs_renovation_declare input[name='prohibition_ids']"
                )) {
                    box.checked = true;
                }
            },
        },
        {
            content: "Save the declarations",
            trigger: "button.o_property_cs_renovation_declare_save",
            run: "click",
        },
        {
            content: "Open the signature form",
            trigger: "a.o_property_cs_renovation_sign",
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
            content: "The page shows the signature",
            trigger: ".o_property_cs_renovation_signed img",
        },
    ];
}

registry.category("web_tour.tours").add("property_cs_renovation_apply_tour", {
    steps: () => ownerAppliesSteps(),
});
